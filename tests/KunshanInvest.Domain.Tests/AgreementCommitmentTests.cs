using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

public sealed class AgreementCommitmentTests
{
    private static readonly Guid Project = Guid.CreateVersion7();
    private static readonly Guid Officer = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly CheckOn = new(2026, 6, 30);

    private static AgreementCommitment New(CommitmentMetric metric, long? target, DateOnly? checkOn = null) =>
        new(Project, metric, target, checkOn ?? CheckOn, "第五条", Officer, Now);

    [Fact]
    public void A_figure_commitment_is_met_when_the_verified_sum_reaches_the_target_even_before_its_date()
    {
        var c = New(CommitmentMetric.CumulativeFixedAssetInvestment, 1_000_00);

        Assert.Equal(new CommitmentEvaluation(CommitmentState.Met, 1_000_00), c.Evaluate(CheckOn.AddDays(-10), 1_000_00, null, null));
        Assert.Equal(new CommitmentEvaluation(CommitmentState.Due, 999_99), c.Evaluate(CheckOn, 999_99, null, null));
        Assert.Equal(new CommitmentEvaluation(CommitmentState.Missed, 999_99), c.Evaluate(CheckOn.AddDays(1), 999_99, null, null));
        Assert.Equal(new CommitmentEvaluation(CommitmentState.Missed, 0), c.Evaluate(CheckOn.AddDays(1), null, null, null));
    }

    [Fact]
    public void Annual_metrics_sum_the_twelve_months_ending_at_the_check_month_and_the_cumulative_one_everything_before()
    {
        Assert.Equal((202508, 202607), (New(CommitmentMetric.AnnualTax, 1, new DateOnly(2026, 7, 15)).FromPeriod, New(CommitmentMetric.AnnualTax, 1, new DateOnly(2026, 7, 15)).CheckPeriod));
        Assert.Equal(202601, New(CommitmentMetric.AnnualOutput, 1, new DateOnly(2026, 12, 31)).FromPeriod);
        Assert.Equal(202501, New(CommitmentMetric.TaxPerMu, 1, new DateOnly(2025, 12, 1)).FromPeriod);
        Assert.Equal((0, 202606), (New(CommitmentMetric.CumulativeFixedAssetInvestment, 1).FromPeriod, New(CommitmentMetric.CumulativeFixedAssetInvestment, 1).CheckPeriod));
        Assert.Equal(FigureKind.TaxPaid, New(CommitmentMetric.TaxPerMu, 1).FigureKind);
        Assert.Equal(FigureKind.IndustrialOutput, New(CommitmentMetric.AnnualOutput, 1).FigureKind);
    }

    [Fact]
    public void Tax_per_mu_divides_the_years_tax_by_the_land_and_cannot_be_met_without_land()
    {
        // 80万元/亩 on 50 亩 needs 4000万元 of tax in the year.
        var c = New(CommitmentMetric.TaxPerMu, 80_0000_00);

        Assert.Equal(new CommitmentEvaluation(CommitmentState.Met, 80_0000_00), c.Evaluate(CheckOn, 4000_0000_00, null, 50));
        Assert.Equal(CommitmentState.Missed, c.Evaluate(CheckOn.AddDays(1), 3999_0000_00, null, 50).State);
        Assert.Equal(new CommitmentEvaluation(CommitmentState.Missed, null), c.Evaluate(CheckOn.AddDays(1), 9999_0000_00, null, null));
        Assert.Equal(CommitmentState.Due, c.Evaluate(CheckOn, 9999_0000_00, null, 0).State);
    }

    [Fact]
    public void A_date_commitment_is_met_only_by_its_milestone_reached_on_or_before_the_check_date()
    {
        var c = New(CommitmentMetric.ConstructionStart, null);

        Assert.Equal(MilestoneKind.ConstructionStarted, c.MilestoneKind);
        Assert.Null(c.Target);
        Assert.Equal(new CommitmentEvaluation(CommitmentState.Met, null), c.Evaluate(CheckOn.AddDays(30), null, CheckOn, null));
        Assert.Equal(CommitmentState.Missed, c.Evaluate(CheckOn.AddDays(30), null, CheckOn.AddDays(1), null).State); // reached, but late
        Assert.Equal(CommitmentState.Due, c.Evaluate(CheckOn, null, null, null).State);
        Assert.Equal(CommitmentState.Missed, c.Evaluate(CheckOn.AddDays(1), null, null, null).State);
        Assert.Null(New(CommitmentMetric.CapacityReached, 123).Target); // a date has no target
    }

    [Theory]
    [InlineData(CommitmentMetric.AnnualTax, null, "commitment.target")]
    [InlineData(CommitmentMetric.AnnualTax, 0L, "commitment.target")]
    [InlineData(CommitmentMetric.AnnualOutput, -5L, "commitment.target")]
    [InlineData(CommitmentMetric.AnnualOutput, AgreementCommitment.MaxTarget + 1, "commitment.target")]
    [InlineData((CommitmentMetric)42, 1L, "commitment.metric")]
    public void Bad_targets_and_metrics_are_refused(CommitmentMetric metric, long? target, string code)
    {
        var ex = Assert.Throws<DomainRuleException>(() => New(metric, target));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Check_dates_outside_2000_to_2100_and_overlong_clauses_are_refused()
    {
        Assert.Equal("commitment.check_on", Assert.Throws<DomainRuleException>(() => New(CommitmentMetric.ProductionStart, null, new DateOnly(1999, 12, 31))).Code);
        Assert.Equal("commitment.check_on", Assert.Throws<DomainRuleException>(() => New(CommitmentMetric.ProductionStart, null, new DateOnly(2101, 1, 1))).Code);
        var clause = new string('条', AgreementCommitment.ClauseMaxLength + 1);
        Assert.Equal("commitment.clause", Assert.Throws<DomainRuleException>(() => new AgreementCommitment(Project, CommitmentMetric.ProductionStart, null, CheckOn, clause, Officer, Now)).Code);
    }

    [Fact]
    public void Amending_the_promise_clears_the_missed_flag_but_a_new_clause_alone_does_not()
    {
        var c = New(CommitmentMetric.AnnualTax, 100);
        typeof(AgreementCommitment).GetProperty(nameof(AgreementCommitment.MissedFlaggedAtUtc))!.SetValue(c, Now);

        c.Amend(CommitmentMetric.AnnualTax, 100, CheckOn, "补充协议");
        Assert.Equal(Now, c.MissedFlaggedAtUtc);
        Assert.Equal("补充协议", c.Clause);

        c.Amend(CommitmentMetric.AnnualTax, 100, CheckOn.AddYears(1), "补充协议");
        Assert.Null(c.MissedFlaggedAtUtc);
        Assert.Equal(202706, c.CheckPeriod);
    }
}
