using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Enterprises;

/// <summary>
/// The credit-code check the enterprise form runs as the officer types: the same words the validator answers with on
/// save (length, characters, check digit), so the form and the API never disagree.
/// </summary>
public static class CreditCodeAdvice
{
    /// <summary>What is wrong with <paramref name="code"/>, or null when it is blank or valid.</summary>
    public static Said? ProblemWith(string? code) => EnterpriseFields.CreditCodeProblem(code);
}
