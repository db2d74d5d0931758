using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Partners;

public enum SubmissionStatus
{
    Submitted = 0,
    UnderReview = 1,
    Accepted = 2,
    Rejected = 3,
    Duplicate = 4,
}

/// <summary>
/// A project a partner proposes through the portal. Everything in it came from outside the bureau: it is stored as
/// plain text and only ever rendered escaped. Its <see cref="Reference"/> is what the partner quotes.
/// </summary>
public sealed class PartnerSubmission : AggregateRoot
{
    public const int ReferenceMaxLength = 16;
    public const int NameMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int ContactMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    private readonly List<SubmissionStatusChange> _statusChanges = [];

    private PartnerSubmission() { }

    public PartnerSubmission(string reference, Guid partnerId, Guid submittedById, SubmittedEnterprise enterprise, SubmittedProject project, DateTime nowUtc)
    {
        Reference = reference;
        PartnerId = partnerId;
        SubmittedById = submittedById;
        EnterpriseNameZh = enterprise.NameZh;
        EnterpriseNameEn = enterprise.NameEn;
        Country = enterprise.Country;
        CreditCode = enterprise.CreditCode;
        Summary = project.Summary;
        SectorId = project.SectorId;
        EstimatedInvestment = project.EstimatedInvestment;
        LandMu = project.LandMu;
        ExpectedJobs = project.ExpectedJobs;
        ContactName = project.ContactName;
        ContactPhone = project.ContactPhone;
        ContactEmail = project.ContactEmail;
        SubmittedAtUtc = nowUtc;
        Status = SubmissionStatus.Submitted;
        _statusChanges.Add(new SubmissionStatusChange(Id, SubmissionStatus.Submitted, nowUtc, submittedById, null));
    }

    public string Reference { get; private set; } = "";
    public Guid PartnerId { get; private set; }
    public Guid SubmittedById { get; private set; }
    public string? EnterpriseNameZh { get; private set; }
    public string? EnterpriseNameEn { get; private set; }
    public string Country { get; private set; } = "CN";
    public string? CreditCode { get; private set; }
    public string Summary { get; private set; } = "";
    public Guid SectorId { get; private set; }
    public Money? EstimatedInvestment { get; private set; }

    /// <summary>Land need in 亩 (mu).</summary>
    public double? LandMu { get; private set; }

    public int? ExpectedJobs { get; private set; }
    public string ContactName { get; private set; } = "";
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public SubmissionStatus Status { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }
    public string? RejectReason { get; private set; }

    /// <summary>The Lead created on acceptance, or the existing project a duplicate was linked to.</summary>
    public Guid? ProjectId { get; private set; }

    /// <summary>Found at submission time (credit code or normalised name): staff see it in the triage queue.</summary>
    public Guid? MatchedEnterpriseId { get; private set; }

    public Guid? MatchedProjectId { get; private set; }

    /// <summary>Another partner held the enterprise's first report (首报) when this one arrived.</summary>
    public bool AlreadyReported { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>When the triage job routed the submission to the sector's lead officer and acknowledged it to the partner.</summary>
    public DateTime? RoutedAtUtc { get; private set; }

    public string EnterpriseDisplayName => EnterpriseNameZh ?? EnterpriseNameEn ?? "";

    public IReadOnlyList<SubmissionStatusChange> StatusChanges => _statusChanges;

    public bool IsOpen => Status is SubmissionStatus.Submitted or SubmissionStatus.UnderReview;

    public void RecordDuplicateCheck(Guid? enterpriseId, Guid? projectId, bool alreadyReported)
    {
        MatchedEnterpriseId = enterpriseId;
        MatchedProjectId = projectId;
        AlreadyReported = alreadyReported;
    }

    public SubmissionStatusChange StartReview(Guid byUserId, DateTime nowUtc)
    {
        if (Status != SubmissionStatus.Submitted)
        {
            throw NotOpen();
        }

        return Move(SubmissionStatus.UnderReview, byUserId, null, nowUtc);
    }

    public SubmissionStatusChange Accept(Guid projectId, Guid byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        ProjectId = projectId;
        return Move(SubmissionStatus.Accepted, byUserId, null, nowUtc);
    }

    public SubmissionStatusChange MarkDuplicate(Guid existingProjectId, Guid byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        ProjectId = existingProjectId;
        return Move(SubmissionStatus.Duplicate, byUserId, null, nowUtc);
    }

    public SubmissionStatusChange Reject(string reason, Guid byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("submission.reasonRequired", "A rejection needs a reason.");
        }

        RejectReason = reason.Trim();
        return Move(SubmissionStatus.Rejected, byUserId, RejectReason, nowUtc);
    }

    public void MarkDemo() => IsDemo = true;

    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw NotOpen();
        }
    }

    private DomainRuleException NotOpen() =>
        new("submission.decided", $"The submission was already decided ({Status}).") { Args = new Dictionary<string, object?> { ["status"] = Status } };

    private SubmissionStatusChange Move(SubmissionStatus to, Guid byUserId, string? note, DateTime nowUtc)
    {
        Status = to;
        var change = new SubmissionStatusChange(Id, to, nowUtc, byUserId, note);
        _statusChanges.Add(change);
        return change;
    }
}

/// <summary>The enterprise as the partner typed it (names as given; keys are derived where compared).</summary>
public sealed record SubmittedEnterprise(string? NameZh, string? NameEn, string Country, string? CreditCode);

public sealed record SubmittedProject(
    string Summary,
    Guid SectorId,
    Money? EstimatedInvestment,
    double? LandMu,
    int? ExpectedJobs,
    string ContactName,
    string? ContactPhone,
    string? ContactEmail);

/// <summary>One step of the status timeline the partner sees.</summary>
public sealed class SubmissionStatusChange : Entity
{
    private SubmissionStatusChange() { }

    public SubmissionStatusChange(Guid submissionId, SubmissionStatus status, DateTime atUtc, Guid byUserId, string? note)
    {
        SubmissionId = submissionId;
        Status = status;
        AtUtc = atUtc;
        ByUserId = byUserId;
        Note = note;
    }

    public Guid SubmissionId { get; private set; }
    public SubmissionStatus Status { get; private set; }
    public DateTime AtUtc { get; private set; }
    public Guid ByUserId { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A file sent with a submission, stored under <see cref="StoredName"/> (generated) outside the web root.</summary>
public sealed class SubmissionAttachment : Entity
{
    public const int FileNameMaxLength = 200;
    public const int StoredNameMaxLength = 80;
    public const int ContentTypeMaxLength = 100;

    private SubmissionAttachment() { }

    public SubmissionAttachment(Guid submissionId, Guid partnerId, string fileName, string storedName, string contentType, long sizeBytes, DateTime nowUtc)
    {
        SubmissionId = submissionId;
        PartnerId = partnerId;
        FileName = fileName;
        StoredName = storedName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        UploadedAtUtc = nowUtc;
    }

    public Guid SubmissionId { get; private set; }
    public Guid PartnerId { get; private set; }

    /// <summary>The client's file name, for display and the download's name only — never a path.</summary>
    public string FileName { get; private set; } = "";

    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
}

/// <summary>The conversation about a submission. Internal notes are staff-only and never reach the partner.</summary>
public sealed class SubmissionMessage : Entity
{
    public const int BodyMaxLength = 4000;

    private SubmissionMessage() { }

    public SubmissionMessage(Guid submissionId, Guid partnerId, Guid authorId, bool fromBureau, bool isInternal, string body, DateTime nowUtc)
    {
        if (isInternal && !fromBureau)
        {
            throw new DomainForbiddenException("message.internal", "Only bureau staff write internal notes.");
        }

        SubmissionId = submissionId;
        PartnerId = partnerId;
        AuthorId = authorId;
        FromBureau = fromBureau;
        IsInternal = isInternal;
        Body = body;
        AtUtc = nowUtc;
    }

    public Guid SubmissionId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid AuthorId { get; private set; }
    public bool FromBureau { get; private set; }
    public bool IsInternal { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
}
