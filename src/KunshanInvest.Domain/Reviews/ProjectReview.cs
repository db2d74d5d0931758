using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Reviews;

/// <summary>
/// 项目评审: one round of a project's review before signing — the review sheet, checked against the entry thresholds of
/// its land use and year (a snapshot, so later configuration does not rewrite history), the reviewers' opinions and a
/// manager's decision. A revision is a new round with a revised sheet; the earlier rounds stay with the project.
/// </summary>
public sealed class ProjectReview : AggregateRoot
{
    public const int TextMaxLength = 2000;

    private readonly List<ReviewOpinion> _opinions = [];

    private ProjectReview() { }

    private ProjectReview(Guid projectId, int round, ReviewSheet sheet, int thresholdYear, EntryThresholds thresholds, Guid submittedById, DateTime nowUtc)
    {
        ProjectId = projectId;
        Round = round;
        Use = sheet.Use;
        LandMu = sheet.LandMu;
        TotalInvestmentFen = sheet.TotalInvestmentFen;
        AnnualTaxFen = sheet.AnnualTaxFen;
        AnnualEnergyTce = sheet.AnnualEnergyTce;
        Environmental = sheet.Environmental;
        Jobs = sheet.Jobs;
        MeetingOn = sheet.MeetingOn;
        ThresholdYear = thresholdYear;
        MinInvestmentFenPerMu = thresholds.MinInvestmentFenPerMu;
        MinTaxFenPerMu = thresholds.MinTaxFenPerMu;
        MinTotalInvestmentFen = thresholds.MinTotalInvestmentFen;
        SubmittedById = submittedById;
        SubmittedAtUtc = nowUtc;
        Status = ReviewStatus.Pending;
    }

    public Guid ProjectId { get; private set; }

    /// <summary>1 for the first sheet, one more for each revision.</summary>
    public int Round { get; private set; }

    public ReviewStatus Status { get; private set; }

    public CarrierUse Use { get; private set; }

    /// <summary>亩.</summary>
    public double LandMu { get; private set; }

    public long TotalInvestmentFen { get; private set; }

    /// <summary>承诺年税收, CNY fen.</summary>
    public long AnnualTaxFen { get; private set; }

    /// <summary>年综合能耗, tce.</summary>
    public double AnnualEnergyTce { get; private set; }

    public EnvironmentalCategory Environmental { get; private set; }

    public int Jobs { get; private set; }

    /// <summary>会审日期 (Kunshan calendar).</summary>
    public DateOnly? MeetingOn { get; private set; }

    /// <summary>The year whose thresholds were applied (the meeting's, else the submission's).</summary>
    public int ThresholdYear { get; private set; }

    public long? MinInvestmentFenPerMu { get; private set; }
    public long? MinTaxFenPerMu { get; private set; }
    public long? MinTotalInvestmentFen { get; private set; }

    public Guid SubmittedById { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>When the last opinion was recorded: an opinion changes the round, so a decision racing it is a 409.</summary>
    public DateTime? LastOpinionAtUtc { get; private set; }

    public ReviewOutcome? Outcome { get; private set; }

    /// <summary>The conditions (有条件通过) or the reasons (不通过); optional remarks for 通过.</summary>
    public string? DecisionText { get; private set; }

    public Guid? DecidedById { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public DateTime? SupersededAtUtc { get; private set; }
    public bool IsDemo { get; private set; }

    public IReadOnlyList<ReviewOpinion> Opinions => _opinions;

    public ReviewSheet Sheet => new(Use, LandMu, TotalInvestmentFen, AnnualTaxFen, AnnualEnergyTce, Environmental, Jobs, MeetingOn);

    public EntryThresholds Thresholds => new(MinInvestmentFenPerMu, MinTaxFenPerMu, MinTotalInvestmentFen);

    public IReadOnlyList<ReviewShortfall> Shortfalls => ReviewCheck.Shortfalls(Sheet, Thresholds);

    public bool IsPassed => Status == ReviewStatus.Decided && Outcome is { } o && o.IsPass();

    /// <summary>
    /// Puts a project in 洽谈 to review with its sheet (round 1), or a revised sheet after the <paramref name="latest"/>
    /// round: a pending round is superseded by it, a failed one stays as it was; a passed review needs no new round (409).
    /// </summary>
    public static ProjectReview Submit(InvestmentProject project, ProjectReview? latest, ReviewSheet sheet, int thresholdYear, EntryThresholds thresholds, Guid submittedById, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (project.Stage != ProjectStage.Negotiating)
        {
            throw new DomainRuleException("review.stage", $"Only a project in 洽谈 can be put to review (it is at {project.Stage}).")
            {
                Args = new Dictionary<string, object?> { ["stageZh"] = project.Stage.ZhName(), ["stage"] = project.Stage.ToString() },
            };
        }

        if (latest is not null && latest.ProjectId != project.Id)
        {
            throw new ArgumentException("The latest round belongs to another project.", nameof(latest));
        }

        Validate(sheet);
        if (latest?.IsPassed == true)
        {
            throw new DomainConflictException("review.already_passed", $"Round {latest.Round} passed: the project needs no new round.")
            {
                Args = new Dictionary<string, object?> { ["round"] = latest.Round },
            };
        }

        if (latest is { Status: ReviewStatus.Pending })
        {
            latest.Status = ReviewStatus.Superseded;
            latest.SupersededAtUtc = nowUtc;
        }

        return new ProjectReview(project.Id, (latest?.Round ?? 0) + 1, sheet, thresholdYear, thresholds, submittedById, nowUtc);
    }

    /// <summary>Records (or replaces) the reviewer's opinion on this pending round.</summary>
    public ReviewOpinion RecordOpinion(Guid reviewerId, ReviewOpinionKind kind, string? comment, ReviewVeto? veto, ReviewScores scores, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(scores);
        RequirePending();
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("review.opinion", $"Unknown opinion {(int)kind}.");
        }

        if (kind != ReviewOpinionKind.Approve && text is null)
        {
            throw new DomainRuleException("review.opinion_comment", "有条件同意 and 不同意 need the reviewer's comment (the conditions, or why not).");
        }

        if (veto is { } v)
        {
            if (!Enum.IsDefined(v))
            {
                throw new DomainRuleException("review.veto", $"Unknown veto {(int)v}.");
            }

            if (kind != ReviewOpinionKind.Reject)
            {
                throw new DomainRuleException("review.veto_needs_reject", "A veto is a 不同意 opinion.");
            }
        }

        if (scores.All.Any(v => v is < 0 or > ReviewScores.Max))
        {
            throw new DomainRuleException("review.score", "A score is 0 to 100.");
        }

        var opinion = _opinions.FirstOrDefault(o => o.ReviewerId == reviewerId);
        if (opinion is null)
        {
            opinion = new ReviewOpinion(Id, reviewerId);
            _opinions.Add(opinion);
        }

        opinion.Set(kind, text, veto, scores, nowUtc);
        LastOpinionAtUtc = nowUtc;
        return opinion;
    }

    /// <summary>
    /// A manager's decision. 有条件通过 needs the conditions and 不通过 the reasons; nothing passes without an opinion, past a
    /// veto (environment, safety or energy veto alone), or — plain 通过 — with a threshold shortfall (it may pass only
    /// with conditions).
    /// </summary>
    public void Decide(ReviewOutcome outcome, string? text, Guid managerId, DateTime nowUtc)
    {
        RequirePending();
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("review.outcome", $"Unknown outcome {(int)outcome}.");
        }

        var said = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (outcome == ReviewOutcome.PassedWithConditions && said is null)
        {
            throw new DomainRuleException("review.conditions_required", "有条件通过 needs the conditions.");
        }

        if (outcome == ReviewOutcome.Failed && said is null)
        {
            throw new DomainRuleException("review.reasons_required", "不通过 needs the reasons.");
        }

        if (outcome.IsPass())
        {
            if (_opinions.Count == 0)
            {
                throw new DomainRuleException("review.no_opinions", "A review passes on the reviewers' opinions: none is recorded.");
            }

            if (_opinions.FirstOrDefault(o => o.Veto is not null) is { Veto: { } veto })
            {
                throw new DomainRuleException("review.vetoed", $"A reviewer vetoed on {veto}: the review cannot pass.")
                {
                    Args = new Dictionary<string, object?> { ["vetoZh"] = veto.ZhName(), ["veto"] = veto.EnName() },
                };
            }

            if (outcome == ReviewOutcome.Passed && Shortfalls.Count > 0)
            {
                throw new DomainRuleException("review.shortfalls", "The sheet falls short of the entry thresholds: it may pass only with conditions.")
                {
                    Args = new Dictionary<string, object?> { ["count"] = Shortfalls.Count },
                };
            }
        }

        Outcome = outcome;
        DecisionText = said;
        DecidedById = managerId;
        DecidedAtUtc = nowUtc;
        Status = ReviewStatus.Decided;
    }

    public void MarkDemo() => IsDemo = true;

    private void RequirePending()
    {
        if (Status != ReviewStatus.Pending)
        {
            throw new DomainConflictException(Status == ReviewStatus.Decided ? "review.decided" : "review.superseded", $"Round {Round} is {Status}: it takes no more opinions or decisions.")
            {
                Args = new Dictionary<string, object?> { ["round"] = Round },
            };
        }
    }

    private static void Validate(ReviewSheet sheet)
    {
        if (!Enum.IsDefined(sheet.Use) || !Enum.IsDefined(sheet.Environmental))
        {
            throw new DomainRuleException("review.sheet", "Unknown land use or environmental category.");
        }

        if (!(sheet.LandMu > 0 && sheet.LandMu <= ReviewSheet.MaxLandMu)
            || sheet.TotalInvestmentFen is <= 0 or > ReviewSheet.MaxFen
            || sheet.AnnualTaxFen is < 0 or > ReviewSheet.MaxFen
            || !(sheet.AnnualEnergyTce >= 0 && sheet.AnnualEnergyTce <= ReviewSheet.MaxEnergyTce)
            || sheet.Jobs is < 0 or > ReviewSheet.MaxJobs)
        {
            throw new DomainRuleException("review.sheet", "The sheet needs 亩 and total investment above 0, and tax, energy and jobs not negative, each within its limit.");
        }
    }
}

/// <summary>Optional scores per criterion, 0–100 (DOMAIN.md: scores per criterion).</summary>
public sealed record ReviewScores(int? PolicyFit, int? Investor, int? Intensity, int? Tax, int? Site, int? Environment)
{
    public const int Max = 100;

    public static ReviewScores None { get; } = new(null, null, null, null, null, null);

    public IEnumerable<int?> All => [PolicyFit, Investor, Intensity, Tax, Site, Environment];
}

/// <summary>One reviewer's opinion on one round; a reviewer who speaks again replaces it.</summary>
public sealed class ReviewOpinion : Entity
{
    private ReviewOpinion() { }

    internal ReviewOpinion(Guid reviewId, Guid reviewerId)
    {
        ReviewId = reviewId;
        ReviewerId = reviewerId;
    }

    public Guid ReviewId { get; private set; }
    public Guid ReviewerId { get; private set; }
    public ReviewOpinionKind Kind { get; private set; }
    public string? Comment { get; private set; }
    public ReviewVeto? Veto { get; private set; }
    public int? PolicyFitScore { get; private set; }
    public int? InvestorScore { get; private set; }
    public int? IntensityScore { get; private set; }
    public int? TaxScore { get; private set; }
    public int? SiteScore { get; private set; }
    public int? EnvironmentScore { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    public ReviewScores Scores => new(PolicyFitScore, InvestorScore, IntensityScore, TaxScore, SiteScore, EnvironmentScore);

    internal void Set(ReviewOpinionKind kind, string? comment, ReviewVeto? veto, ReviewScores scores, DateTime nowUtc)
    {
        Kind = kind;
        Comment = comment;
        Veto = veto;
        (PolicyFitScore, InvestorScore, IntensityScore, TaxScore, SiteScore, EnvironmentScore) = (scores.PolicyFit, scores.Investor, scores.Intensity, scores.Tax, scores.Site, scores.Environment);
        RecordedAtUtc = nowUtc;
    }
}

/// <summary>
/// 评审成员: a user an admin names a reviewer, beside the managers, who review by their role (ADR 0032).
/// </summary>
public sealed class NamedReviewer : Entity
{
    public const int NoteMaxLength = 200;

    private NamedReviewer() { }

    public NamedReviewer(Guid userId, string? note, Guid namedById, DateTime nowUtc)
    {
        UserId = userId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        NamedById = namedById;
        NamedAtUtc = nowUtc;
    }

    public Guid UserId { get; private set; }

    /// <summary>e.g. the department the reviewer speaks for (生态环境、应急管理、发改能耗).</summary>
    public string? Note { get; private set; }

    public Guid NamedById { get; private set; }
    public DateTime NamedAtUtc { get; private set; }
}
