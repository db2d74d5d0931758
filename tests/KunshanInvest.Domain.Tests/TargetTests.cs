using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Domain.Tests;

public sealed class TargetTests
{
    private static readonly Guid Coffee = Guid.CreateVersion7();
    private static readonly Guid Officer = Guid.CreateVersion7();
    private static readonly Guid Park = Guid.CreateVersion7();

    [Fact]
    public void A_zone_target_covers_every_project_and_each_dimension_narrows_it()
    {
        var zone = new Target(2026, TargetMetric.SignedProjects, 55);
        var sector = new Target(2026, TargetMetric.SignedProjects, 12, sectorId: Coffee);
        var officer = new Target(2026, TargetMetric.SignedProjects, 4, sectorId: Coffee, officerId: Officer);
        var park = new Target(2026, TargetMetric.SignedProjects, 3, parkId: Park);
        var other = Guid.CreateVersion7();

        Assert.True(zone.Covers(null, other, null));
        Assert.True(sector.Covers(Coffee, other, Park));
        Assert.False(sector.Covers(other, other, Park));
        Assert.False(sector.Covers(null, other, null));
        Assert.True(officer.Covers(Coffee, Officer, null));
        Assert.False(officer.Covers(Coffee, other, null));
        Assert.True(park.Covers(other, other, Park));
        Assert.False(park.Covers(Coffee, Officer, null));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_target_year_outside_2000_to_2100_is_refused(int year) =>
        Assert.Throws<DomainRuleException>(() => new Target(year, TargetMetric.Jobs, 1));

    [Theory]
    [InlineData(-1L)]
    [InlineData(Target.MaxValue + 1)]
    public void A_negative_or_absurd_target_is_refused_and_a_revision_too(long value)
    {
        Assert.Throws<DomainRuleException>(() => new Target(2026, TargetMetric.SignedInvestment, value));
        var target = new Target(2026, TargetMetric.SignedInvestment, 1_000);
        Assert.Throws<DomainRuleException>(() => target.Revise(value));
        Assert.Equal(1_000, target.Value);
    }

    [Fact]
    public void An_unknown_metric_is_refused() =>
        Assert.Throws<DomainRuleException>(() => new Target(2026, (TargetMetric)42, 1));

    [Fact]
    public void A_rate_is_revised_only_to_a_positive_value()
    {
        var rate = new ExchangeRate(2026, "USD", 7_120_000);
        rate.Revise(7_200_000);
        Assert.Throws<DomainRuleException>(() => rate.Revise(0));
        Assert.Equal(7_200_000, rate.CnyPerUnitMicros);
        Assert.Equal(720_000, rate.ToFen(100_000));
    }
}
