using FluentValidation;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Application.Commitments;

/// <summary>What adding and amending a commitment both carry.</summary>
public interface ICommitmentFields
{
    CommitmentMetric Metric { get; }

    /// <summary>CNY fen, or fen per 亩 for tax per 亩; empty for 开工/投产/达产.</summary>
    long? Target { get; }

    DateOnly CheckOn { get; }

    string? Clause { get; }
}

internal static class CommitmentFieldRules
{
    public static void AddCommitmentRules<T>(this AbstractValidator<T> validator)
        where T : ICommitmentFields
    {
        validator.RuleFor(x => x.Metric).IsInEnum().WithMsg(M.CommitmentMetric);
        validator.RuleFor(x => x.Target)
            .NotNull().WithMsg(M.CommitmentTarget)
            .InclusiveBetween(1, AgreementCommitment.MaxTarget).WithMsg(M.CommitmentTarget)
            .When(x => Enum.IsDefined(x.Metric) && !x.Metric.IsDate());
        validator.RuleFor(x => x.Target).Null().WithMsg(M.CommitmentDateHasNoTarget)
            .When(x => Enum.IsDefined(x.Metric) && x.Metric.IsDate());
        validator.RuleFor(x => x.CheckOn)
            .InclusiveBetween(AgreementCommitment.EarliestCheck, AgreementCommitment.LatestCheck)
            .WithMsg(M.CommitmentCheckOn, x => [("date", x.CheckOn)]);
        validator.RuleFor(x => x.Clause).MaximumLength(AgreementCommitment.ClauseMaxLength)
            .WithMsg(M.CommitmentClause.With(("max", AgreementCommitment.ClauseMaxLength)));

        // PostgreSQL refuses NUL in text; no control character but line breaks and tabs belongs in a clause.
        validator.RuleFor(x => x.Clause).Must(c => c is null || !c.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
            .WithMsg(M.CommitmentClauseControl);
    }
}
