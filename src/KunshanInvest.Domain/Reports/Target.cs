using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Reports;

/// <summary>What a yearly target measures. Amounts are in minor units: fen for CNY metrics, US cents for foreign capital.</summary>
public enum TargetMetric
{
    /// <summary>签约项目数: projects first reaching 签约 (or beyond) in the year.</summary>
    SignedProjects = 0,

    /// <summary>签约投资额 (CNY fen): their pledged investment, converted at the year's rates.</summary>
    SignedInvestment = 1,

    /// <summary>实际利用外资 (US cents): the verified 实际使用外资 entries of the target year (not pledges).</summary>
    ForeignCapital = 2,

    /// <summary>到位资金 (CNY fen): the verified entries of the target year.</summary>
    FundsInPlace = 3,

    /// <summary>重大项目数: major projects signed in the year.</summary>
    MajorProjects = 4,

    /// <summary>就业 (people): jobs pledged by the projects signed in the year.</summary>
    Jobs = 5,

    /// <summary>税收 (CNY fen): verified tax paid in the target year.</summary>
    RealisedTax = 6,

    /// <summary>工业总产值 (CNY fen): verified industrial output in the target year.</summary>
    IndustrialOutput = 7,

    /// <summary>用工人数 (people): each project's latest verified headcount in the target year (a level, not a sum).</summary>
    RealisedJobs = 8,

    /// <summary>固定资产投资完成额 (CNY fen): verified in the target year.</summary>
    FixedAssetInvestment = 9,
}

public static class TargetMetrics
{
    /// <summary>Metrics counted in CNY fen.</summary>
    public static bool IsCny(this TargetMetric metric) =>
        metric is TargetMetric.SignedInvestment or TargetMetric.FundsInPlace or TargetMetric.RealisedTax or TargetMetric.IndustrialOutput or TargetMetric.FixedAssetInvestment;

    /// <summary>Metrics counted in US cents.</summary>
    public static bool IsUsd(this TargetMetric metric) => metric == TargetMetric.ForeignCapital;

    /// <summary>Metrics read from verified figure entries rather than from pledges at signing.</summary>
    public static bool IsRealised(this TargetMetric metric) =>
        metric is TargetMetric.FundsInPlace or TargetMetric.ForeignCapital or TargetMetric.RealisedTax or TargetMetric.IndustrialOutput
            or TargetMetric.RealisedJobs or TargetMetric.FixedAssetInvestment;
}

/// <summary>
/// 目标: a yearly figure the zone, a sector, an officer or a park is held to. Targets cascade: a row with no sector,
/// officer or park is the zone's; each dimension set narrows it (e.g. the coffee chain's, or one officer's within it).
/// </summary>
public sealed class Target : AggregateRoot
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>CNY 10 trillion in fen: far above any zone's yearly target, far below overflow in sums.</summary>
    public const long MaxValue = 1_000_000_000_000_000;

    private Target() { }

    public Target(int year, TargetMetric metric, long value, Guid? sectorId = null, Guid? officerId = null, Guid? parkId = null)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainRuleException("target.year", $"A target's year must lie between {MinYear} and {MaxYear}.");
        }

        if (!Enum.IsDefined(metric))
        {
            throw new DomainRuleException("target.metric", $"Unknown metric {(int)metric}.");
        }

        Year = year;
        Metric = metric;
        SectorId = sectorId;
        OfficerId = officerId;
        ParkId = parkId;
        Revise(value);
    }

    public int Year { get; private set; }
    public TargetMetric Metric { get; private set; }
    public Guid? SectorId { get; private set; }
    public Guid? OfficerId { get; private set; }
    public Guid? ParkId { get; private set; }

    /// <summary>A count, people, fen (CNY metrics) or US cents (foreign capital), as <see cref="Metric"/> says.</summary>
    public long Value { get; private set; }

    public void Revise(long value)
    {
        if (value is < 0 or > MaxValue)
        {
            throw new DomainRuleException("target.value", "A target must be zero or more, and below CNY 10 trillion.");
        }

        Value = value;
    }

    /// <summary>Whether this target's figure counts a project of the given sector, owner and park (null dimensions count all).</summary>
    public bool Covers(Guid? sectorId, Guid ownerId, Guid? parkId) =>
        (SectorId is null || SectorId == sectorId) && (OfficerId is null || OfficerId == ownerId) && (ParkId is null || ParkId == parkId);
}
