using KunshanInvest.Domain.Carriers;

namespace KunshanInvest.Domain.Reviews;

/// <summary>
/// 评审表: what a round is judged on. Money in CNY fen, land in 亩, energy in tce (吨标准煤) a year.
/// </summary>
public sealed record ReviewSheet(
    CarrierUse Use,
    double LandMu,
    long TotalInvestmentFen,
    long AnnualTaxFen,
    double AnnualEnergyTce,
    EnvironmentalCategory Environmental,
    int Jobs,
    DateOnly? MeetingOn)
{
    public const double MaxLandMu = 100_000;
    public const long MaxFen = 1_000_000_000_000_000; // CNY 10 trillion, the figures' ceiling
    public const double MaxEnergyTce = 100_000_000;
    public const int MaxJobs = 1_000_000;

    /// <summary>投资强度: total investment per 亩, CNY fen per 亩 (rounded down).</summary>
    public long InvestmentFenPerMu => LandMu > 0 ? (long)Math.Floor(TotalInvestmentFen / LandMu) : 0;

    /// <summary>亩均税收: promised annual tax per 亩, CNY fen per 亩 (rounded down).</summary>
    public long TaxFenPerMu => LandMu > 0 ? (long)Math.Floor(AnnualTaxFen / LandMu) : 0;
}

/// <summary>
/// 准入门槛: the zone's entry thresholds for one land use in one year, in CNY fen (per 亩 where said). A null threshold
/// is not checked. <see cref="None"/> is a use and year with no thresholds configured.
/// </summary>
public sealed record EntryThresholds(long? MinInvestmentFenPerMu, long? MinTaxFenPerMu, long? MinTotalInvestmentFen)
{
    public static EntryThresholds None { get; } = new(null, null, null);

    public bool IsNone => MinInvestmentFenPerMu is null && MinTaxFenPerMu is null && MinTotalInvestmentFen is null;
}

/// <summary>
/// One threshold the sheet falls short of: <see cref="Code"/> names the catalogue message, <see cref="Args"/> its values
/// (amounts in 万元, two decimals, so both languages print the same figures).
/// </summary>
public sealed record ReviewShortfall(string Code, IReadOnlyDictionary<string, object?> Args)
{
    public const string InvestmentIntensity = "review.shortfall.investment_intensity";
    public const string TaxPerMu = "review.shortfall.tax_per_mu";
    public const string TotalInvestment = "review.shortfall.total_investment";
}

/// <summary>The automatic check of a sheet against the entry thresholds of its land use and year.</summary>
public static class ReviewCheck
{
    public static IReadOnlyList<ReviewShortfall> Shortfalls(ReviewSheet sheet, EntryThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(thresholds);
        var found = new List<ReviewShortfall>();
        if (thresholds.MinInvestmentFenPerMu is { } minIntensity && sheet.InvestmentFenPerMu < minIntensity)
        {
            found.Add(Shortfall(ReviewShortfall.InvestmentIntensity, sheet.InvestmentFenPerMu, minIntensity));
        }

        if (thresholds.MinTaxFenPerMu is { } minTax && sheet.TaxFenPerMu < minTax)
        {
            found.Add(Shortfall(ReviewShortfall.TaxPerMu, sheet.TaxFenPerMu, minTax));
        }

        // Projects under the minimum go to standard factories, not their own land (DOMAIN.md).
        if (thresholds.MinTotalInvestmentFen is { } minTotal && sheet.TotalInvestmentFen < minTotal)
        {
            found.Add(Shortfall(ReviewShortfall.TotalInvestment, sheet.TotalInvestmentFen, minTotal));
        }

        return found;
    }

    /// <summary>Fen → 万元 with two decimals (1 万元 = 1,000,000 fen).</summary>
    public static decimal Wan(long fen) => Math.Round(fen / 1_000_000m, 2, MidpointRounding.ToZero);

    private static ReviewShortfall Shortfall(string code, long actualFen, long minFen) =>
        new(code, new Dictionary<string, object?>(StringComparer.Ordinal) { ["actual"] = Wan(actualFen), ["min"] = Wan(minFen) });
}
