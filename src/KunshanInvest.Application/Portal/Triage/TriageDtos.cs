using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal.Triage;

public sealed record TriageItem(
    Guid Id,
    string Reference,
    string EnterpriseName,
    string PartnerName,
    string SectorName,
    string SectorNameEn,
    SubmissionStatus Status,
    DateTime SubmittedAtUtc,
    bool AlreadyReported,
    Guid? MatchedEnterpriseId,
    string? MatchedEnterpriseName,
    Guid? MatchedProjectId,
    string? MatchedProjectCode);

public sealed record TriageDecision(Guid Id, string Reference, SubmissionStatus Status, Guid? ProjectId, string? ProjectCode);
