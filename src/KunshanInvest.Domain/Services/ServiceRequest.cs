using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Services;

public enum ServiceRequestStatus
{
    /// <summary>受理: logged and routed to a department, not yet taken up.</summary>
    Accepted = 0,

    /// <summary>办理中: the department is working on it.</summary>
    InProgress = 1,

    /// <summary>办结: closed with the department's reply; the service officer owes a return visit.</summary>
    Closed = 2,

    /// <summary>回访: the enterprise was asked how it went (satisfaction 1–5). The loop is complete.</summary>
    Visited = 3,

    /// <summary>退回: sent back with a reason (not the department's, incomplete, not a request). Final.</summary>
    Returned = 4,
}

public enum ServiceStepKind
{
    Accepted = 0,
    Started = 1,
    Reassigned = 2,
    Closed = 3,
    Visited = 4,
    Returned = 5,
}

/// <summary>
/// 企业诉求: a landed enterprise's request for help (power, hiring, an approval …), routed to a department and followed
/// through 受理 → 办理中 → 办结 (reply) → 回访 (satisfaction), or 退回 with a reason. Every step is kept, timestamped and
/// attributed (<see cref="Steps"/>); the deadline comes from the category's days when it is logged.
/// </summary>
public sealed class ServiceRequest : AggregateRoot
{
    public const int DescriptionMaxLength = 2000;
    public const int ContactMaxLength = 100;
    public const int PhoneMaxLength = 40;
    public const int ReplyMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int CommentMaxLength = 1000;

    private readonly List<ServiceRequestStep> _steps = [];

    private ServiceRequest() { }

    public ServiceRequest(Guid enterpriseId, Guid categoryId, Guid departmentId, string description, string? contactName, string? contactPhone, Guid? serviceOfficerId, Guid createdById, DateTime nowUtc, DateTime dueAtUtc)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("service.description", "A request needs a description.");
        }

        if (dueAtUtc <= nowUtc)
        {
            throw new DomainRuleException("service.due", "A request's deadline lies after the time it is logged.");
        }

        EnterpriseId = enterpriseId;
        CategoryId = categoryId;
        DepartmentId = departmentId;
        Description = description.Trim();
        ContactName = Clean(contactName);
        ContactPhone = Clean(contactPhone);
        ServiceOfficerId = serviceOfficerId;
        CreatedById = createdById;
        AcceptedAtUtc = nowUtc;
        DueAtUtc = dueAtUtc;
        Status = ServiceRequestStatus.Accepted;
        _steps.Add(new ServiceRequestStep(Id, ServiceStepKind.Accepted, createdById, nowUtc, null, departmentId, null));
    }

    public Guid EnterpriseId { get; private set; }
    public Guid CategoryId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Description { get; private set; } = "";
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }

    /// <summary>挂钩服务专员 when the request was logged (from the enterprise): owes the return visit.</summary>
    public Guid? ServiceOfficerId { get; private set; }

    public Guid CreatedById { get; private set; }
    public ServiceRequestStatus Status { get; private set; }
    public DateTime AcceptedAtUtc { get; private set; }
    public DateTime DueAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? Reply { get; private set; }
    public DateTime? VisitedAtUtc { get; private set; }

    /// <summary>1 (very dissatisfied) … 5 (very satisfied), from the return visit.</summary>
    public int? Satisfaction { get; private set; }

    public string? VisitComment { get; private set; }
    public DateTime? ReturnedAtUtc { get; private set; }
    public string? ReturnedReason { get; private set; }
    public bool IsDemo { get; private set; }

    // The sweeps' stamps (ADR 0012): written only by the jobs' conditional UPDATEs, which claim each effect once.

    /// <summary>The department last reminded of the coming deadline: a request reassigned elsewhere is reminded again there.</summary>
    public Guid? DeadlineRemindedDepartmentId { get; private set; }

    public DateTime? DeadlineRemindedAtUtc { get; private set; }

    /// <summary>The department whose head (and the managers) was told the request is overdue: escalated again after a reassignment.</summary>
    public Guid? EscalatedDepartmentId { get; private set; }

    public DateTime? EscalatedAtUtc { get; private set; }

    /// <summary>When the service officer was reminded of the return visit owed after 办结 (once per 办结).</summary>
    public DateTime? VisitRemindedAtUtc { get; private set; }

    public IReadOnlyList<ServiceRequestStep> Steps => _steps;

    /// <summary>Still with a department: neither closed nor returned.</summary>
    public bool IsOpen => Status is ServiceRequestStatus.Accepted or ServiceRequestStatus.InProgress;

    public void Start(Guid byUserId, DateTime nowUtc)
    {
        Expect(ServiceRequestStatus.Accepted);
        Status = ServiceRequestStatus.InProgress;
        StartedAtUtc = nowUtc;
        _steps.Add(new ServiceRequestStep(Id, ServiceStepKind.Started, byUserId, nowUtc, null, null, null));
    }

    /// <summary>办结 with the department's reply (from 受理 or 办理中).</summary>
    public void Close(string reply, Guid byUserId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            throw new DomainRuleException("service.reply", "Closing a request needs the reply given to the enterprise.");
        }

        ExpectOpen();
        Status = ServiceRequestStatus.Closed;
        StartedAtUtc ??= nowUtc;
        ClosedAtUtc = nowUtc;
        Reply = reply.Trim();
        _steps.Add(new ServiceRequestStep(Id, ServiceStepKind.Closed, byUserId, nowUtc, null, null, Reply));
    }

    /// <summary>回访: the enterprise's satisfaction (1–5) and comment, after 办结.</summary>
    public void RecordVisit(int satisfaction, string? comment, Guid byUserId, DateTime nowUtc)
    {
        if (satisfaction is < 1 or > 5)
        {
            throw new DomainRuleException("service.satisfaction", "Satisfaction is 1 to 5.");
        }

        Expect(ServiceRequestStatus.Closed);
        Status = ServiceRequestStatus.Visited;
        VisitedAtUtc = nowUtc;
        Satisfaction = satisfaction;
        VisitComment = Clean(comment);
        _steps.Add(new ServiceRequestStep(Id, ServiceStepKind.Visited, byUserId, nowUtc, null, null, VisitComment));
    }

    /// <summary>退回 with a reason, while it is still open.</summary>
    public void Return(string reason, Guid byUserId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("service.return_reason", "Returning a request needs a reason.");
        }

        ExpectOpen();
        Status = ServiceRequestStatus.Returned;
        ReturnedAtUtc = nowUtc;
        ReturnedReason = reason.Trim();
        _steps.Add(new ServiceRequestStep(Id, ServiceStepKind.Returned, byUserId, nowUtc, null, null, ReturnedReason));
    }

    /// <summary>Routes an open request to another department; it is 受理 there again, with its deadline unchanged.</summary>
    public void Reassign(Guid toDepartmentId, string? note, Guid byUserId, DateTime nowUtc)
    {
        ExpectOpen();
        if (toDepartmentId == DepartmentId)
        {
            throw new DomainConflictException("service.same_department", "The request is already with that department.");
        }

        var from = DepartmentId;
        DepartmentId = toDepartmentId;
        Status = ServiceRequestStatus.Accepted;
        _steps.Add(new ServiceRequestStep(Id, ServiceStepKind.Reassigned, byUserId, nowUtc, from, toDepartmentId, Clean(note)));
    }

    public void MarkDemo() => IsDemo = true;

    private void Expect(ServiceRequestStatus status)
    {
        if (Status != status)
        {
            throw new DomainConflictException("service.state", $"The request is {Status}, not {status}.");
        }
    }

    private void ExpectOpen()
    {
        if (!IsOpen)
        {
            throw new DomainConflictException("service.state", $"The request is {Status}: it is no longer open.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One step of a request's loop: who did what when (and from which department to which, on reassignment).</summary>
public sealed class ServiceRequestStep : Entity
{
    private ServiceRequestStep() { }

    internal ServiceRequestStep(Guid requestId, ServiceStepKind kind, Guid byUserId, DateTime atUtc, Guid? fromDepartmentId, Guid? toDepartmentId, string? note)
    {
        RequestId = requestId;
        Kind = kind;
        ByUserId = byUserId;
        AtUtc = atUtc;
        FromDepartmentId = fromDepartmentId;
        ToDepartmentId = toDepartmentId;
        Note = note;
    }

    public Guid RequestId { get; private set; }
    public ServiceStepKind Kind { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public Guid? FromDepartmentId { get; private set; }
    public Guid? ToDepartmentId { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A file on a request (a photo of the meter, the rejected application …), stored under the portal's safe-upload rules.</summary>
public sealed class ServiceRequestAttachment : Entity
{
    public const int FileNameMaxLength = 200;
    public const int StoredNameMaxLength = 80;
    public const int ContentTypeMaxLength = 100;

    private ServiceRequestAttachment() { }

    public ServiceRequestAttachment(Guid requestId, string fileName, string storedName, string contentType, long sizeBytes, Guid uploadedById, DateTime nowUtc)
    {
        RequestId = requestId;
        FileName = fileName;
        StoredName = storedName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        UploadedById = uploadedById;
        UploadedAtUtc = nowUtc;
    }

    public Guid RequestId { get; private set; }

    /// <summary>The client's file name, for display and the download's name only — never a path.</summary>
    public string FileName { get; private set; } = "";

    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Guid UploadedById { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
}
