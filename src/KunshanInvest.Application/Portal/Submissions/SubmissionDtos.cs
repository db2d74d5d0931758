using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal.Submissions;

public sealed record SubmissionListItem(Guid Id, string Reference, string EnterpriseName, SubmissionStatus Status, DateTime SubmittedAtUtc, bool AlreadyReported);

public sealed record StatusStep(SubmissionStatus Status, DateTime AtUtc, string? Note);

public sealed record MessageDto(Guid Id, bool FromBureau, bool IsInternal, string AuthorName, string Body, DateTime AtUtc);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes);

/// <summary>A submission as its partner sees it: its own fields, the timeline, the conversation without internal notes.</summary>
public sealed record MySubmissionDto(
    Guid Id,
    string Reference,
    SubmissionStatus Status,
    string? EnterpriseNameZh,
    string? EnterpriseNameEn,
    string Country,
    string? CreditCode,
    string Summary,
    Guid SectorId,
    string SectorName,
    MoneyDto? EstimatedInvestment,
    double? LandMu,
    int? ExpectedJobs,
    string ContactName,
    string? ContactPhone,
    string? ContactEmail,
    DateTime SubmittedAtUtc,
    bool AlreadyReported,
    string? RejectReason,
    IReadOnlyList<StatusStep> Timeline,
    IReadOnlyList<MessageDto> Messages,
    IReadOnlyList<AttachmentDto> Attachments,
    string? SectorNameEn = null);

/// <summary>A stored file to send back (Content-Disposition: attachment).</summary>
public sealed record AttachmentFile(Stream Content, string FileName, string ContentType);
