using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Domain.Tests;

public sealed class PerMuClassTests
{
    [Theory]
    [InlineData(1, 100, PerMuClass.A)]
    [InlineData(20, 100, PerMuClass.A)]
    [InlineData(21, 100, PerMuClass.B)]
    [InlineData(60, 100, PerMuClass.B)]
    [InlineData(61, 100, PerMuClass.C)]
    [InlineData(95, 100, PerMuClass.C)]
    [InlineData(96, 100, PerMuClass.D)]
    [InlineData(100, 100, PerMuClass.D)]
    [InlineData(1, 1, PerMuClass.D)]
    [InlineData(1, 5, PerMuClass.A)]
    [InlineData(3, 5, PerMuClass.B)]
    [InlineData(5, 5, PerMuClass.D)]
    public void Default_classes_split_the_ranks_at_20_60_and_95_percent(int rank, int rated, PerMuClass expected) =>
        Assert.Equal(expected, PerMuThresholds.Default.ClassOf(rank, rated));

    [Fact]
    public void Counts_add_up_to_the_field_and_follow_the_cut_offs()
    {
        var counts = PerMuThresholds.Default.Counts(1000);
        Assert.Equal((200, 400, 350, 50), (counts[PerMuClass.A], counts[PerMuClass.B], counts[PerMuClass.C], counts[PerMuClass.D]));
        Assert.Equal(0, PerMuThresholds.Default.Counts(0).Values.Sum());
    }

    [Fact]
    public void Configured_cut_offs_move_the_classes_and_bad_ones_are_invalid()
    {
        Assert.Equal(PerMuClass.A, new PerMuThresholds(0.3, 0.6, 0.9).ClassOf(30, 100));
        Assert.Equal(PerMuClass.D, new PerMuThresholds(0.3, 0.6, 0.9).ClassOf(91, 100));
        Assert.False(new PerMuThresholds(0.6, 0.2, 0.95).IsValid);
        Assert.False(new PerMuThresholds(0, 0.2, 0.95).IsValid);
        Assert.False(new PerMuThresholds(0.2, 0.6, 1.1).IsValid);
        Assert.True(PerMuThresholds.Default.IsValid);
        Assert.Throws<ArgumentOutOfRangeException>(() => PerMuThresholds.Default.ClassOf(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerMuThresholds.Default.ClassOf(11, 10));
    }

    [Theory]
    [InlineData(10, "2023-12-31", 2025, true)]
    [InlineData(10, "2024-01-01", 2025, false)]
    [InlineData(0, "2020-01-01", 2025, false)]
    [InlineData(10, null, 2025, false)]
    public void Enterprises_under_two_years_in_production_or_without_land_are_not_rated(double land, string? started, int year, bool rated) =>
        Assert.Equal(rated, PerMuThresholds.IsRateable(land, started is null ? null : DateOnly.Parse(started, System.Globalization.CultureInfo.InvariantCulture), year));

    [Fact]
    public void Realised_metrics_are_told_apart_from_pledge_metrics_and_units()
    {
        Assert.True(TargetMetric.FundsInPlace.IsRealised());
        Assert.True(TargetMetric.RealisedJobs.IsRealised());
        Assert.False(TargetMetric.SignedInvestment.IsRealised());
        Assert.False(TargetMetric.Jobs.IsRealised());
        Assert.True(TargetMetric.ForeignCapital.IsUsd());
        Assert.True(TargetMetric.RealisedTax.IsCny());
        Assert.False(TargetMetric.RealisedJobs.IsCny());
    }
}
