using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Reviews;

namespace KunshanInvest.Application.Reviews;

/// <summary>
/// The <c>ProjectReview</c> configuration section (ADR 0032): whether a major project needs a passed review to sign, from
/// which pledged investment (万元, CNY) a project is major besides its 重大项目 flag, and the entry thresholds per land use
/// and the year they apply from, e.g. <c>ProjectReview:Thresholds:Industrial:2026:MinInvestmentWanPerMu = 600</c>.
/// A year's entry holds until a later year's; 0 or empty leaves a threshold unchecked. Defaults from DOMAIN.md
/// (Taicang: 工业 ≥ 500万元/亩 investment, ≥ 50万元/亩 tax; under 3000万元 to standard factories).
/// </summary>
public sealed class ProjectReviewOptions
{
    public const string Section = "ProjectReview";
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    /// <summary>Major projects need a passed review (通过 or 有条件通过) to enter 签约.</summary>
    public bool RequireForMajor { get; set; } = true;

    /// <summary>Pledged CNY investment from which a project is major, in 万元 (亿元以上项目 by default); null: only the flag.</summary>
    public long? MajorFromWan { get; set; } = 10_000;

    public Dictionary<CarrierUse, Dictionary<int, ThresholdEntry>> Thresholds { get; set; } = new()
    {
        [CarrierUse.Industrial] = new() { [2020] = new() { MinInvestmentWanPerMu = 500, MinTaxWanPerMu = 50, MinTotalInvestmentWan = 3000 } },

        // No source for R&D land: the industrial figures without the standard-factory rule, until a zone sets its own.
        [CarrierUse.Research] = new() { [2020] = new() { MinInvestmentWanPerMu = 500, MinTaxWanPerMu = 50 } },
    };

    public long? MajorFromFen => MajorFromWan is { } wan && wan > 0 ? MoneyUnits.WanToMinor(wan) : null;

    /// <summary>The thresholds of a land use in a year: the entry of the latest year not after it; none configured: <see cref="EntryThresholds.None"/>.</summary>
    public EntryThresholds For(CarrierUse use, int year)
    {
        if (!Thresholds.TryGetValue(use, out var byYear))
        {
            return EntryThresholds.None;
        }

        var entry = byYear.Where(e => e.Key <= year).OrderByDescending(e => e.Key).Select(e => e.Value).FirstOrDefault();
        return entry is null ? EntryThresholds.None : new(Fen(entry.MinInvestmentWanPerMu), Fen(entry.MinTaxWanPerMu), Fen(entry.MinTotalInvestmentWan));
    }

    /// <summary>What is wrong with the configuration, for the start-up check; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MajorFromWan is < 0)
        {
            problems.Add("ProjectReview:MajorFromWan cannot be negative.");
        }

        foreach (var (use, byYear) in Thresholds)
        {
            if (!Enum.IsDefined(use))
            {
                problems.Add($"ProjectReview:Thresholds: unknown land use {use}.");
            }

            foreach (var (year, entry) in byYear)
            {
                if (year is < EarliestYear or > LatestYear)
                {
                    problems.Add($"ProjectReview:Thresholds:{use}:{year}: the year must be {EarliestYear}–{LatestYear}.");
                }

                if (entry is null || new[] { entry.MinInvestmentWanPerMu, entry.MinTaxWanPerMu, entry.MinTotalInvestmentWan }.Any(v => v is < 0 or > 100_000_000))
                {
                    problems.Add($"ProjectReview:Thresholds:{use}:{year}: each threshold is 0 to 100,000,000 万元.");
                }
            }
        }

        return problems;
    }

    private static long? Fen(decimal? wan) => wan is { } w && w > 0 ? MoneyUnits.WanToMinor(w) : null;
}

/// <summary>One year's entry thresholds of a land use, in 万元 (per 亩 where said).</summary>
public sealed class ThresholdEntry
{
    public decimal? MinInvestmentWanPerMu { get; set; }
    public decimal? MinTaxWanPerMu { get; set; }
    public decimal? MinTotalInvestmentWan { get; set; }
}
