using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Figures;

/// <summary>What an investment agreement promises (DOMAIN.md, 达产 and clawback). Numbered for SQL; never renumber.</summary>
public enum CommitmentMetric
{
    /// <summary>累计固定资产投资: verified fixed-asset investment of every month up to the check date's (CNY fen).</summary>
    CumulativeFixedAssetInvestment = 0,

    /// <summary>年产值: industrial output of the 12 months ending at the check date's month (CNY fen).</summary>
    AnnualOutput = 1,

    /// <summary>年税收: tax paid in the 12 months ending at the check date's month (CNY fen).</summary>
    AnnualTax = 2,

    /// <summary>亩均税收: <see cref="AnnualTax"/> per 亩 of the land supplied, else the pledged land (CNY fen per 亩).</summary>
    TaxPerMu = 3,

    /// <summary>开工 by the check date: the construction-start milestone's actual date.</summary>
    ConstructionStart = 4,

    /// <summary>投产 by the check date: the production-start milestone's actual date.</summary>
    ProductionStart = 5,

    /// <summary>达产 by the check date (usually 31 December of the agreed year): the capacity milestone's actual date.</summary>
    CapacityReached = 6,
}

/// <summary>How a commitment stands at a day.</summary>
public enum CommitmentState
{
    /// <summary>未到期: not met yet and its check date has not passed.</summary>
    Due = 0,

    /// <summary>已达成.</summary>
    Met = 1,

    /// <summary>未达成: the check date passed without it.</summary>
    Missed = 2,
}

public static class CommitmentMetrics
{
    public static IReadOnlyList<CommitmentMetric> All { get; } = Enum.GetValues<CommitmentMetric>();

    /// <summary>The verified figure a figure metric sums; null for the date metrics.</summary>
    public static FigureKind? Figure(this CommitmentMetric metric) => metric switch
    {
        CommitmentMetric.CumulativeFixedAssetInvestment => FigureKind.FixedAssetInvestment,
        CommitmentMetric.AnnualOutput => FigureKind.IndustrialOutput,
        CommitmentMetric.AnnualTax or CommitmentMetric.TaxPerMu => FigureKind.TaxPaid,
        _ => null,
    };

    /// <summary>The milestone a date metric waits for; null for the figure metrics.</summary>
    public static MilestoneKind? Milestone(this CommitmentMetric metric) => metric switch
    {
        CommitmentMetric.ConstructionStart => MilestoneKind.ConstructionStarted,
        CommitmentMetric.ProductionStart => MilestoneKind.ProductionStarted,
        CommitmentMetric.CapacityReached => MilestoneKind.CapacityReached,
        _ => null,
    };

    /// <summary>A date metric has no target value: the check date is the promise.</summary>
    public static bool IsDate(this CommitmentMetric metric) => metric.Milestone() is not null;

    /// <summary>The first month a figure metric sums: 11 months before the check month for the annual ones, from the beginning for the cumulative one.</summary>
    public static int FromPeriod(this CommitmentMetric metric, DateOnly checkOn) => metric switch
    {
        CommitmentMetric.AnnualOutput or CommitmentMetric.AnnualTax or CommitmentMetric.TaxPerMu => FigurePeriod.OfDate(checkOn.AddMonths(-11)),
        _ => 0,
    };

    public static string ZhName(this CommitmentMetric metric) => metric switch
    {
        CommitmentMetric.CumulativeFixedAssetInvestment => "累计固定资产投资",
        CommitmentMetric.AnnualOutput => "年产值",
        CommitmentMetric.AnnualTax => "年税收",
        CommitmentMetric.TaxPerMu => "亩均税收",
        CommitmentMetric.ConstructionStart => "开工",
        CommitmentMetric.ProductionStart => "投产",
        CommitmentMetric.CapacityReached => "达产",
        _ => metric.ToString(),
    };

    public static string EnName(this CommitmentMetric metric) => metric switch
    {
        CommitmentMetric.CumulativeFixedAssetInvestment => "Cumulative fixed-asset investment",
        CommitmentMetric.AnnualOutput => "Annual output",
        CommitmentMetric.AnnualTax => "Annual tax",
        CommitmentMetric.TaxPerMu => "Tax per mu",
        CommitmentMetric.ConstructionStart => "Construction start",
        CommitmentMetric.ProductionStart => "Production start",
        CommitmentMetric.CapacityReached => "Full capacity",
        _ => metric.ToString(),
    };
}

/// <summary>A commitment's state and its actual value (in the target's unit; null for date metrics or when unknown).</summary>
public readonly record struct CommitmentEvaluation(CommitmentState State, long? Actual);

/// <summary>
/// 协议承诺: one promise of a project's investment agreement — cumulative investment, annual output or tax, tax per 亩,
/// or 开工/投产/达产 by a date — checked against verified figures and dated milestones at its check date. Met as soon
/// as the verified figures reach the target (a late verified figure for the window still counts); missed once the check
/// date has passed without it.
/// </summary>
public sealed class AgreementCommitment : AggregateRoot
{
    public const int ClauseMaxLength = 500;

    /// <summary>The figures' ceiling (<see cref="FigureEntry.MaxValue"/>): CNY 10 trillion in fen.</summary>
    public const long MaxTarget = FigureEntry.MaxValue;

    public static readonly DateOnly EarliestCheck = new(2000, 1, 1);
    public static readonly DateOnly LatestCheck = new(2100, 12, 31);

    private AgreementCommitment() { }

    public AgreementCommitment(Guid projectId, CommitmentMetric metric, long? target, DateOnly checkOn, string? clause, Guid createdById, DateTime nowUtc)
    {
        ProjectId = projectId;
        CreatedById = createdById;
        CreatedAtUtc = nowUtc;
        Set(metric, target, checkOn, clause);
    }

    public Guid ProjectId { get; private set; }
    public CommitmentMetric Metric { get; private set; }

    /// <summary>In the metric's unit: CNY fen, or CNY fen per 亩 for <see cref="CommitmentMetric.TaxPerMu"/>; null for the date metrics.</summary>
    public long? Target { get; private set; }

    /// <summary>The day the promise is checked (the agreement's deadline), Kunshan calendar.</summary>
    public DateOnly CheckOn { get; private set; }

    /// <summary>The agreement's clause (e.g. 第五条第二款) or a note.</summary>
    public string? Clause { get; private set; }

    // Derived from Metric and CheckOn so SQL evaluates every commitment in one statement.
    public FigureKind? FigureKind { get; private set; }
    public MilestoneKind? MilestoneKind { get; private set; }

    /// <summary>The first month summed, yyyymm (0 = from the beginning).</summary>
    public int FromPeriod { get; private set; }

    /// <summary>The check date's month, yyyymm: the last month summed.</summary>
    public int CheckPeriod { get; private set; }

    public Guid CreatedById { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>
    /// When the daily check told the owner and managers it was missed — once per promise: a commitment met later is not
    /// flagged again, and only an amended promise (metric, target or date) can be flagged anew.
    /// </summary>
    [VersionNeutral]
    public DateTime? MissedFlaggedAtUtc { get; private set; }

    public void Amend(CommitmentMetric metric, long? target, DateOnly checkOn, string? clause)
    {
        var changed = metric != Metric || NormalisedTarget(metric, target) != Target || checkOn != CheckOn;
        Set(metric, target, checkOn, clause);
        if (changed)
        {
            MissedFlaggedAtUtc = null;
        }
    }

    public void MarkDemo() => IsDemo = true;

    /// <summary>Evaluates this commitment on <paramref name="today"/> from what SQL gathered (see <see cref="Evaluate(CommitmentMetric, long?, DateOnly, DateOnly, long?, DateOnly?, double?)"/>).</summary>
    public CommitmentEvaluation Evaluate(DateOnly today, long? verifiedSum, DateOnly? milestoneOn, double? landMu) =>
        Evaluate(Metric, Target, CheckOn, today, verifiedSum, milestoneOn, landMu);

    /// <summary>
    /// The rule: a date metric is met when its milestone was reached on or before the check date; a figure metric when the
    /// verified sum of its window (tax per 亩: divided by the land in 亩) reaches the target. Not met: missed after the
    /// check date, due until then. Tax per 亩 without land cannot be met.
    /// </summary>
    public static CommitmentEvaluation Evaluate(CommitmentMetric metric, long? target, DateOnly checkOn, DateOnly today, long? verifiedSum, DateOnly? milestoneOn, double? landMu)
    {
        bool met;
        long? actual;
        if (metric.IsDate())
        {
            met = milestoneOn is { } reached && reached <= checkOn;
            actual = null;
        }
        else if (metric == CommitmentMetric.TaxPerMu)
        {
            var sum = verifiedSum ?? 0;
            met = landMu is > 0 && target is { } t && sum >= t * landMu.Value;
            actual = landMu is > 0 ? (long)Math.Floor(sum / landMu.Value) : null;
        }
        else
        {
            actual = verifiedSum ?? 0;
            met = target is { } t && actual >= t;
        }

        var state = met ? CommitmentState.Met : today > checkOn ? CommitmentState.Missed : CommitmentState.Due;
        return new CommitmentEvaluation(state, actual);
    }

    private void Set(CommitmentMetric metric, long? target, DateOnly checkOn, string? clause)
    {
        if (!Enum.IsDefined(metric))
        {
            throw new DomainRuleException("commitment.metric", $"Unknown commitment metric {(int)metric}.");
        }

        if (!metric.IsDate() && target is not (> 0 and <= MaxTarget))
        {
            throw new DomainRuleException("commitment.target", "A commitment's target must be above zero and below CNY 10 trillion.");
        }

        if (checkOn < EarliestCheck || checkOn > LatestCheck)
        {
            throw new DomainRuleException("commitment.check_on", $"{checkOn:yyyy-MM-dd} is not a sensible check date.") { Args = new Dictionary<string, object?> { ["date"] = checkOn } };
        }

        var text = string.IsNullOrWhiteSpace(clause) ? null : clause.Trim();
        if (text is { Length: > ClauseMaxLength })
        {
            throw new DomainRuleException("commitment.clause", "The clause is too long.");
        }

        Metric = metric;
        Target = NormalisedTarget(metric, target);
        CheckOn = checkOn;
        Clause = text;
        FigureKind = metric.Figure();
        MilestoneKind = metric.Milestone();
        FromPeriod = metric.FromPeriod(checkOn);
        CheckPeriod = FigurePeriod.OfDate(checkOn);
    }

    private static long? NormalisedTarget(CommitmentMetric metric, long? target) => metric.IsDate() ? null : target;
}
