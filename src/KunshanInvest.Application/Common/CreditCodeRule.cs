using FluentValidation;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Common;

public static class CreditCodeRule
{
    /// <summary>GB 32100: says which part of a wrong code is wrong (empty is fine: not yet registered in China).</summary>
    public static void Check(string? code, ValidationContext<NewEnterprise> context) => Report(code, context.AddFailure);

    public static void Report(string? code, Action<string> fail)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        var problem = CreditCode.Check(CreditCode.Normalize(code));
        var message = problem switch
        {
            CreditCode.Problem.WrongLength => "统一社会信用代码应为18位 / A unified social credit code has 18 characters.",
            CreditCode.Problem.IllegalCharacter => "统一社会信用代码含非法字符(不用 I、O、S、V、Z) / The code holds a character the standard does not use (no I, O, S, V, Z).",
            CreditCode.Problem.WrongCheckCharacter => "统一社会信用代码校验位不正确 / The code's check character is wrong: it is mistyped.",
            _ => null,
        };
        if (message is not null)
        {
            fail(message);
        }
    }
}
