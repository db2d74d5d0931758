using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

public sealed record TriageItem(
    Guid Id,
    string Reference,
    string EnterpriseName,
    string PartnerName,
    string SectorName,
    SubmissionStatus Status,
    DateTime SubmittedAtUtc,
    bool AlreadyReported,
    Guid? MatchedEnterpriseId,
    string? MatchedEnterpriseName,
    Guid? MatchedProjectId,
    string? MatchedProjectCode);

/// <summary>Submissions for staff, open ones (Submitted, UnderReview) by default, oldest first; the duplicate check is already done.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListTriageQueue(bool IncludeDecided = false) : IQuery<IReadOnlyList<TriageItem>>;

public sealed record TriageSubmissionDto(TriageItem Item, MySubmissionDto Submission, Guid? ProjectId, string? ProjectCode, IReadOnlyList<MessageDto> Conversation);

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetTriageSubmission(Guid Id) : IQuery<TriageSubmissionDto>;

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record StartReview(Guid Id) : ICommand<TriageDecision>;

/// <summary>Accept: a Lead project (source = partner portal) for the matched or a new enterprise, owned by the caller.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AcceptSubmission(Guid Id, Guid? EnterpriseId = null, Guid? SectorId = null) : ICommand<TriageDecision>;

/// <summary>Duplicate: links the submission to the existing project (the matched one unless another is named).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record MarkSubmissionDuplicate(Guid Id, Guid? ProjectId = null) : ICommand<TriageDecision>;

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RejectSubmission(Guid Id, string? Reason) : ICommand<TriageDecision>;

/// <summary>A staff message to the partner, or an internal note the partner never sees.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AddStaffMessage(Guid SubmissionId, string? Body, bool Internal) : ICommand<MessageDto>;

public sealed record TriageDecision(Guid Id, string Reference, SubmissionStatus Status, Guid? ProjectId, string? ProjectCode);

public sealed class RejectSubmissionValidator : AbstractValidator<RejectSubmission>
{
    public RejectSubmissionValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("退回须说明理由 / A rejection needs a reason.").MaximumLength(PartnerSubmission.ReasonMaxLength);
}

public sealed class AddStaffMessageValidator : AbstractValidator<AddStaffMessage>
{
    public AddStaffMessageValidator() =>
        RuleFor(x => x.Body).NotEmpty().WithMessage("请填写内容 / Write something.").MaximumLength(SubmissionMessage.BodyMaxLength);
}

public sealed class TriageQueries(IAppDbContext db, IUserDirectory users)
    : IQueryHandler<ListTriageQueue, IReadOnlyList<TriageItem>>, IQueryHandler<GetTriageSubmission, TriageSubmissionDto>
{
    public async ValueTask<IReadOnlyList<TriageItem>> Handle(ListTriageQueue query, CancellationToken cancellationToken) =>
        await Items(s => query.IncludeDecided || s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.UnderReview)
            .Take(300)
            .ToListAsync(cancellationToken);

    public async ValueTask<TriageSubmissionDto> Handle(GetTriageSubmission query, CancellationToken cancellationToken)
    {
        var item = await Items(s => s.Id == query.Id).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Submission", query.Id);
        var s = await db.Submissions.AsNoTracking().SingleAsync(x => x.Id == query.Id, cancellationToken);
        var timeline = await db.SubmissionStatusChanges.AsNoTracking().Where(c => c.SubmissionId == s.Id).OrderBy(c => c.AtUtc)
            .Select(c => new StatusStep(c.Status, c.AtUtc, c.Note)).ToListAsync(cancellationToken);
        var conversation = await SubmissionConversation.MessagesAsync(db, users, s.Id, includeInternal: true, cancellationToken);
        var attachments = await SubmissionConversation.AttachmentsAsync(db, s.Id, cancellationToken);
        var projectCode = s.ProjectId is { } pid ? await db.Projects.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken) : null;
        var submission = new MySubmissionDto(s.Id, s.Reference, s.Status, s.EnterpriseNameZh, s.EnterpriseNameEn, s.Country, s.CreditCode, s.Summary, s.SectorId, item.SectorName,
            MoneyDto.From(s.EstimatedInvestment), s.LandMu, s.ExpectedJobs, s.ContactName, s.ContactPhone, s.ContactEmail, s.SubmittedAtUtc, s.AlreadyReported, s.RejectReason,
            timeline, [.. conversation.Where(m => !m.IsInternal)], attachments);
        return new TriageSubmissionDto(item, submission, s.ProjectId, projectCode, conversation);
    }

    private IQueryable<TriageItem> Items(System.Linq.Expressions.Expression<Func<PartnerSubmission, bool>> filter) =>
        from s in db.Submissions.AsNoTracking().Where(filter)
        join partner in db.Partners on s.PartnerId equals partner.Id
        join sector in db.Sectors on s.SectorId equals sector.Id
        from e in db.Enterprises.Where(e => e.Id == s.MatchedEnterpriseId).DefaultIfEmpty()
        from p in db.Projects.Where(p => p.Id == s.MatchedProjectId).DefaultIfEmpty()
        orderby s.SubmittedAtUtc
        select new TriageItem(s.Id, s.Reference, s.EnterpriseNameZh ?? s.EnterpriseNameEn ?? "", partner.NameZh, sector.NameZh, s.Status, s.SubmittedAtUtc, s.AlreadyReported,
            s.MatchedEnterpriseId, e == null ? null : (e.NameZh ?? e.NameEn), s.MatchedProjectId, p == null ? null : p.Code);
}

public sealed class TriageCommands(IAppDbContext db, IProjectCodeAllocator codes, ICurrentUser user, IUserDirectory users, Notifier notifier, TimeProvider clock)
    : ICommandHandler<StartReview, TriageDecision>,
      ICommandHandler<AcceptSubmission, TriageDecision>,
      ICommandHandler<MarkSubmissionDuplicate, TriageDecision>,
      ICommandHandler<RejectSubmission, TriageDecision>,
      ICommandHandler<AddStaffMessage, MessageDto>
{
    public async ValueTask<TriageDecision> Handle(StartReview command, CancellationToken cancellationToken)
    {
        var submission = await LoadAsync(command.Id, cancellationToken);
        db.SubmissionStatusChanges.Add(submission.StartReview(user.RequireId(), Now));
        await NotifyAsync(submission, "submission.review", "报送已进入审核 / Your submission is under review", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Decision(submission, null);
    }

    public async ValueTask<TriageDecision> Handle(AcceptSubmission command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = Now;
        var submission = await LoadAsync(command.Id, cancellationToken);
        submission.EnsureOpen();

        var enterpriseId = command.EnterpriseId ?? submission.MatchedEnterpriseId;
        Enterprise enterprise;
        if (enterpriseId is { } id)
        {
            enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id && e.MergedIntoId == null, cancellationToken)
                ?? throw FieldError.Invalid("enterpriseId", "企业不存在 / No such enterprise.");
        }
        else
        {
            enterprise = new Enterprise(submission.EnterpriseNameZh, submission.EnterpriseNameEn, submission.Country, OwnershipOf(submission.Country));
            enterprise.SetCreditCode(submission.CreditCode);
            db.Enterprises.Add(enterprise);
        }

        var sectorId = command.SectorId ?? submission.SectorId;
        if (!await db.Sectors.AnyAsync(s => s.Id == sectorId && s.IsActive, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", "产业链不存在或已停用 / No such active sector.");
        }

        var project = new InvestmentProject(await ProjectCodes.NextAsync(codes, now.Year, cancellationToken), InvestmentProject.DefaultName(enterprise.DisplayName), SourceChannel.PartnerPortal, me, now);
        project.Place(enterprise.Id, sectorId, null);
        project.Estimate(submission.EstimatedInvestment, false);
        db.Projects.Add(project);
        db.SubmissionStatusChanges.Add(submission.Accept(project.Id, me, now));
        await db.Attributions.Where(a => a.SubmissionId == submission.Id).ForEachTrackedAsync(a => a.LinkProject(project.Id), cancellationToken);
        await NotifyAsync(submission, "submission.accepted", "报送已受理 / Your submission was accepted", cancellationToken);
        await ProjectCodes.SaveAsync(db, codes, [project], now.Year, cancellationToken);
        return Decision(submission, project.Code);
    }

    public async ValueTask<TriageDecision> Handle(MarkSubmissionDuplicate command, CancellationToken cancellationToken)
    {
        var submission = await LoadAsync(command.Id, cancellationToken);
        var projectId = command.ProjectId ?? submission.MatchedProjectId
            ?? throw FieldError.Invalid("projectId", "请指定重复的已有项目 / Name the existing project it duplicates.");
        var code = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken)
            ?? throw FieldError.Invalid("projectId", "项目不存在 / No such project.");
        var now = Now;
        db.SubmissionStatusChanges.Add(submission.MarkDuplicate(projectId, user.RequireId(), now));

        // The bureau already worked this enterprise: the partner did not report it first.
        await db.Attributions.Where(a => a.SubmissionId == submission.Id).ForEachTrackedAsync(a => a.Void(now), cancellationToken);
        await NotifyAsync(submission, "submission.duplicate", "报送与已有项目重复 / Your submission duplicates an existing project", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Decision(submission, code);
    }

    public async ValueTask<TriageDecision> Handle(RejectSubmission command, CancellationToken cancellationToken)
    {
        var submission = await LoadAsync(command.Id, cancellationToken);
        var now = Now;
        db.SubmissionStatusChanges.Add(submission.Reject(command.Reason!, user.RequireId(), now));
        await db.Attributions.Where(a => a.SubmissionId == submission.Id).ForEachTrackedAsync(a => a.Void(now), cancellationToken);
        await NotifyAsync(submission, "submission.rejected", "报送未被受理 / Your submission was not accepted", cancellationToken, submission.RejectReason);
        await db.SaveChangesAsync(cancellationToken);
        return Decision(submission, null);
    }

    public async ValueTask<MessageDto> Handle(AddStaffMessage command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var submission = await db.Submissions.AsNoTracking().Where(s => s.Id == command.SubmissionId).Select(s => new { s.Id, s.PartnerId, s.Reference }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Submission", command.SubmissionId);
        var message = new SubmissionMessage(submission.Id, submission.PartnerId, me, fromBureau: true, command.Internal, command.Body!.Trim(), Now);
        db.SubmissionMessages.Add(message);
        if (!command.Internal)
        {
            await SubmissionConversation.NotifyPartnerAsync(db, notifier, submission.PartnerId, submission.Id, "submission.message", $"招商局就 {submission.Reference} 给您留言 / The bureau wrote about {submission.Reference}", null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([me], cancellationToken);
        return new MessageDto(message.Id, true, message.IsInternal, names.GetValueOrDefault(me) ?? "", message.Body, message.AtUtc);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<PartnerSubmission> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Submission", id);

    private Task NotifyAsync(PartnerSubmission submission, string kind, string title, CancellationToken cancellationToken, string? body = null) =>
        SubmissionConversation.NotifyPartnerAsync(db, notifier, submission.PartnerId, submission.Id, kind, $"{submission.Reference} {title}", body, cancellationToken);

    private static TriageDecision Decision(PartnerSubmission submission, string? projectCode) =>
        new(submission.Id, submission.Reference, submission.Status, submission.ProjectId, projectCode);

    private static Ownership OwnershipOf(string country) => country switch
    {
        "CN" => Ownership.Domestic,
        "HK" or "MO" or "TW" => Ownership.HongKongMacaoTaiwan,
        _ => Ownership.Foreign,
    };
}

internal static class TrackedQueryExtensions
{
    /// <summary>Loads the (few) matching entities tracked and applies <paramref name="change"/> to each; saved with the unit of work.</summary>
    public static async Task ForEachTrackedAsync<T>(this IQueryable<T> query, Action<T> change, CancellationToken cancellationToken)
    {
        foreach (var entity in await query.ToListAsync(cancellationToken))
        {
            change(entity);
        }
    }
}
