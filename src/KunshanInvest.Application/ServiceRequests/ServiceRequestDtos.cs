using KunshanInvest.Domain.Services;

namespace KunshanInvest.Application.ServiceRequests;

/// <summary>A request in a list: what it is, whose, where it is and by when.</summary>
public sealed record ServiceRequestRow(
    Guid Id,
    Guid EnterpriseId,
    string EnterpriseName,
    Guid CategoryId,
    string CategoryNameZh,
    string CategoryNameEn,
    Guid DepartmentId,
    string DepartmentNameZh,
    string DepartmentNameEn,
    string Description,
    ServiceRequestStatus Status,
    DateTime AcceptedAtUtc,
    DateTime DueAtUtc,
    DateTime? ClosedAtUtc,
    bool IsOverdue,
    Guid? ServiceOfficerId,
    string? ServiceOfficerName,
    int? Satisfaction,
    int Version);

/// <summary>One page of requests, with the total that matched.</summary>
public sealed record ServiceRequestPage(IReadOnlyList<ServiceRequestRow> Items, int Page, int PageSize, int Total);

/// <summary>One step of the loop: who, when, and from which department to which on a reassignment.</summary>
public sealed record ServiceStepDto(
    ServiceStepKind Kind,
    Guid ByUserId,
    string? ByName,
    DateTime AtUtc,
    string? FromDepartmentNameZh,
    string? FromDepartmentNameEn,
    string? ToDepartmentNameZh,
    string? ToDepartmentNameEn,
    string? Note);

public sealed record ServiceAttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc, string? UploadedByName);

/// <summary>A request in full, with its steps, its files, and what the reader may do with it now.</summary>
public sealed record ServiceRequestDetail(
    ServiceRequestRow Request,
    string? ContactName,
    string? ContactPhone,
    Guid CreatedById,
    string? CreatedByName,
    DateTime? StartedAtUtc,
    string? Reply,
    DateTime? VisitedAtUtc,
    string? VisitComment,
    DateTime? ReturnedAtUtc,
    string? ReturnedReason,
    IReadOnlyList<ServiceStepDto> Steps,
    IReadOnlyList<ServiceAttachmentDto> Attachments,
    bool CanWork,
    bool CanVisit);

/// <summary>A request's new state after a step, with its version for the next If-Match.</summary>
public sealed record ServiceRequestChanged(Guid Id, ServiceRequestStatus Status, Guid DepartmentId, int Version);
