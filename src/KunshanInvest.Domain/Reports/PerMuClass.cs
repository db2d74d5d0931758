namespace KunshanInvest.Domain.Reports;

/// <summary>
/// 亩均论英雄: the class an enterprise gets in a year's per-mu evaluation (DOMAIN.md; Jiangsu practice). A gets priority
/// for land and energy; D may be barred from new industrial land and from grants; T is not rated.
/// </summary>
public enum PerMuClass
{
    A = 0,
    B = 1,
    C = 2,
    D = 3,

    /// <summary>Not rated: under two years in production, or no land on record.</summary>
    T = 9,
}

/// <summary>
/// Where the classes split, as cumulative shares of the ranked enterprises from the top: with the defaults (Huai'an
/// 2024) A is the top 20 %, B down to 60 %, C down to 95 %, D the bottom 5 %. Configured per year.
/// </summary>
public sealed record PerMuThresholds(double A = 0.20, double B = 0.60, double C = 0.95)
{
    public static PerMuThresholds Default { get; } = new();

    /// <summary>The cut-offs rise strictly within (0, 1].</summary>
    public bool IsValid => A > 0 && A < B && B < C && C <= 1;

    /// <summary>
    /// The class of the enterprise ranked <paramref name="rank"/> (1 = highest 亩均税收) of <paramref name="rated"/>: its
    /// rank's share of the field, compared with the cut-offs (rank 20 of 100 is 0.20, still A).
    /// </summary>
    public PerMuClass ClassOf(int rank, int rated)
    {
        if (rank < 1 || rank > rated)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"A rank lies between 1 and {rated}.");
        }

        // Compare rank ≤ share·n in integers of ten-thousandths, so 20 % of 100 is exactly 20 (no floating-point edge).
        var scaled = (long)rank * 10_000;
        return scaled <= Cut(A, rated) ? PerMuClass.A
            : scaled <= Cut(B, rated) ? PerMuClass.B
            : scaled <= Cut(C, rated) ? PerMuClass.C
            : PerMuClass.D;
    }

    /// <summary>How many of <paramref name="rated"/> enterprises fall in each class (the ranks 1…n classed one by one).</summary>
    public IReadOnlyDictionary<PerMuClass, int> Counts(int rated)
    {
        var counts = new Dictionary<PerMuClass, int> { [PerMuClass.A] = 0, [PerMuClass.B] = 0, [PerMuClass.C] = 0, [PerMuClass.D] = 0 };
        for (var rank = 1; rank <= rated; rank++)
        {
            counts[ClassOf(rank, rated)]++;
        }

        return counts;
    }

    private static long Cut(double share, int rated) => (long)Math.Round(share * 10_000) * rated;

    /// <summary>Whether an enterprise can be rated in <paramref name="year"/>: land on record and production begun at least two years before the year's end.</summary>
    public static bool IsRateable(double landMu, DateOnly? productionStartedOn, int year) =>
        landMu > 0 && productionStartedOn is { } started && started <= new DateOnly(year - 2, 12, 31);
}
