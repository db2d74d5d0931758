using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Reviews;

namespace KunshanInvest.Application.Reviews;

/// <summary>A threshold the sheet falls short of: the catalogue code, its arguments (万元) and its text in the reader's language.</summary>
public sealed record ShortfallDto(string Code, IReadOnlyDictionary<string, object?> Args, string Text);

public sealed record ReviewOpinionDto(
    Guid Id, Guid ReviewerId, string? ReviewerName, ReviewOpinionKind Kind, string? Comment, ReviewVeto? Veto, ReviewScores Scores, DateTime RecordedAtUtc);

/// <summary>One round: its sheet (money in CNY fen, land in 亩), the derived intensities (万元/亩), the thresholds applied and each shortfall, the opinions and the decision.</summary>
public sealed record ReviewDto(
    Guid Id,
    Guid ProjectId,
    int Round,
    ReviewStatus Status,
    CarrierUse Use,
    double LandMu,
    long TotalInvestmentFen,
    long AnnualTaxFen,
    double AnnualEnergyTce,
    EnvironmentalCategory Environmental,
    int Jobs,
    DateOnly? MeetingOn,
    decimal InvestmentWanPerMu,
    decimal TaxWanPerMu,
    int ThresholdYear,
    long? MinInvestmentFenPerMu,
    long? MinTaxFenPerMu,
    long? MinTotalInvestmentFen,
    IReadOnlyList<ShortfallDto> Shortfalls,
    Guid SubmittedById,
    string? SubmittedByName,
    DateTime SubmittedAtUtc,
    ReviewOutcome? Outcome,
    string? DecisionText,
    Guid? DecidedById,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    IReadOnlyList<ReviewOpinionDto> Opinions,
    int Version);

/// <summary>A project's rounds, newest first, and what the reader may do with them.</summary>
public sealed record ProjectReviews(
    IReadOnlyList<ReviewDto> Rounds, bool IsMajor, bool RequiredToSign, bool HasPassed, bool CanSubmit, bool CanGiveOpinion, bool CanDecide);

/// <summary>The live check of a sheet: the thresholds of its use and year and each shortfall.</summary>
public sealed record SheetCheck(int Year, long? MinInvestmentFenPerMu, long? MinTaxFenPerMu, long? MinTotalInvestmentFen, decimal InvestmentWanPerMu, decimal TaxWanPerMu, IReadOnlyList<ShortfallDto> Shortfalls);

public enum ReviewListView
{
    /// <summary>Pending first, then decided (superseded rounds left out).</summary>
    All = 0,
    Pending = 1,
    Decided = 2,
}

public sealed record ReviewListItem(
    Guid Id, Guid ProjectId, string ProjectCode, string ProjectName, int Round, ReviewStatus Status, ReviewOutcome? Outcome,
    CarrierUse Use, double LandMu, decimal InvestmentWanPerMu, decimal TaxWanPerMu, int ShortfallCount, int OpinionCount,
    DateOnly? MeetingOn, DateTime SubmittedAtUtc, DateTime? DecidedAtUtc);

public sealed record ReviewList(IReadOnlyList<ReviewListItem> Items, int Total, int Page, int PageSize, int PendingCount);

public sealed record ReviewerDto(Guid Id, Guid UserId, string? Name, string? Note, DateTime NamedAtUtc);
