using FluentValidation;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Common;

public static class CreditCodeRule
{
    /// <summary>GB 32100: says which part of a wrong code is wrong (empty is fine: not yet registered in China).</summary>
    public static void Check<T>(string? code, ValidationContext<T> context) => Report(code, context);

    public static void Report<T>(string? code, ValidationContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Problem(code) is { } said)
        {
            context.AddFailure(FieldError.Failure(context.PropertyPath, said));
        }
    }

    /// <summary>What is wrong with a code, or null when it is empty or right.</summary>
    public static Said? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var normalized = CreditCode.Normalize(code);
        return CreditCode.Check(normalized) switch
        {
            CreditCode.Problem.WrongLength => M.CreditCodeLength.With(("length", normalized.Length)),
            CreditCode.Problem.IllegalCharacter => M.CreditCodeCharacter,
            CreditCode.Problem.WrongCheckCharacter => M.CreditCodeCheck,
            _ => null,
        };
    }
}
