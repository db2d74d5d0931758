namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>
/// What the synthetic generator makes. The same options give the same rows, byte for byte: every value comes from
/// <see cref="Seed"/> and every date is anchored to <see cref="AsOf"/>, never to the clock.
/// </summary>
public sealed record SyntheticOptions
{
    /// <summary>The day the data is "as of" when none is given: fixed, so that a run without arguments is repeatable.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 27);

    public const int DefaultSeed = 42;

    /// <summary>Projects to generate; every other volume scales with it.</summary>
    public int Projects { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The Kunshan day the data ends on: nothing happens after its end, follow-ups may be due later.</summary>
    public DateOnly AsOf { get; init; } = DefaultAsOf;

    /// <summary>Years of history before <see cref="AsOf"/>.</summary>
    public int Years { get; init; } = 5;

    /// <summary>Issue 9's shape: 100k projects ↔ 50k enterprises, 1M interactions, 200k follow-ups.</summary>
    public double EnterprisesPerProject { get; init; } = 0.5;

    public double InteractionsPerProject { get; init; } = 10;

    public double FollowUpsPerProject { get; init; } = 2;

    /// <summary>Officer accounts that own the projects; null = one per thousand projects, at least five.</summary>
    public int? Officers { get; init; }

    /// <summary>Generate even though the database holds projects that are not synthetic.</summary>
    public bool Force { get; init; }

    public int EnterpriseCount => Math.Max(1, (int)Math.Round(Projects * EnterprisesPerProject));

    public int InteractionCount => (int)Math.Round(Projects * InteractionsPerProject);

    public int FollowUpCount => (int)Math.Round(Projects * FollowUpsPerProject);

    public int OfficerCount => Officers ?? Math.Max(5, Projects / 1000);

    /// <summary>The reasons these options cannot be used, empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Projects is < 1 or > 5_000_000)
        {
            problems.Add("--synthetic takes a number of projects between 1 and 5,000,000.");
        }

        if (Years is < 1 or > 30)
        {
            problems.Add("--years takes 1 to 30.");
        }

        if (EnterprisesPerProject is <= 0 or > 10 || InteractionsPerProject is < 0 or > 100 || FollowUpsPerProject is < 0 or > 50)
        {
            problems.Add("Ratios: --enterprises-per-project in (0, 10], --interactions-per-project in [0, 100], --follow-ups-per-project in [0, 50].");
        }

        if (Officers is < 1 or > 10_000)
        {
            problems.Add("--officers takes 1 to 10,000.");
        }

        if (AsOf.Year - Years < 2000)
        {
            problems.Add("--as-of minus --years must stay after 2000.");
        }

        return problems;
    }
}
