using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Submissions;

/// <summary>The caller's organisation's submissions, newest first (at most 200).</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record ListMySubmissions : IQuery<IReadOnlyList<SubmissionListItem>>;

/// <summary>One of the caller's organisation's submissions; any other id is 404.</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record GetMySubmission(Guid Id) : IQuery<MySubmissionDto>;

/// <summary>The partner writes to the bureau about its submission.</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record PostPartnerMessage(Guid SubmissionId, string? Body) : ICommand<MessageDto>;

public sealed class PostPartnerMessageValidator : AbstractValidator<PostPartnerMessage>
{
    public PostPartnerMessageValidator() =>
        RuleFor(x => x.Body).NotEmpty().WithMessage("请填写留言 / Write a message.").MaximumLength(SubmissionMessage.BodyMaxLength);
}

/// <summary>An attachment of a submission: the submitting organisation's members, or bureau staff. Anyone else gets 404.</summary>
[AuthorizeRequest(Roles = $"{Roles.Partner},{Roles.Staff}")]
public sealed record GetAttachment(Guid SubmissionId, Guid AttachmentId) : IQuery<AttachmentFile>;

public sealed class PartnerSubmissionHandlers(IAppDbContext db, ICurrentUser user, IUserDirectory users, IAttachmentStore store, TimeProvider clock)
    : IQueryHandler<ListMySubmissions, IReadOnlyList<SubmissionListItem>>,
      IQueryHandler<GetMySubmission, MySubmissionDto>,
      ICommandHandler<PostPartnerMessage, MessageDto>,
      IQueryHandler<GetAttachment, AttachmentFile>
{
    public async ValueTask<IReadOnlyList<SubmissionListItem>> Handle(ListMySubmissions query, CancellationToken cancellationToken)
    {
        var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
        return await db.Submissions.AsNoTracking()
            .Where(s => s.PartnerId == partnerId)
            .OrderByDescending(s => s.SubmittedAtUtc)
            .Take(200)
            .Select(s => new SubmissionListItem(s.Id, s.Reference, s.EnterpriseNameZh ?? s.EnterpriseNameEn ?? "", s.Status, s.SubmittedAtUtc, s.AlreadyReported))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<MySubmissionDto> Handle(GetMySubmission query, CancellationToken cancellationToken)
    {
        var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
        var s = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == query.Id && s.PartnerId == partnerId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Submission", query.Id);
        var sector = await db.Sectors.AsNoTracking().Where(x => x.Id == s.SectorId).Select(x => x.NameZh).SingleAsync(cancellationToken);
        var timeline = await db.SubmissionStatusChanges.AsNoTracking()
            .Where(c => c.SubmissionId == s.Id)
            .OrderBy(c => c.AtUtc)
            .Select(c => new StatusStep(c.Status, c.AtUtc, c.Status == SubmissionStatus.Rejected ? c.Note : null))
            .ToListAsync(cancellationToken);
        var messages = await SubmissionConversation.MessagesAsync(db, users, s.Id, includeInternal: false, cancellationToken);
        var attachments = await SubmissionConversation.AttachmentsAsync(db, s.Id, cancellationToken);
        return new MySubmissionDto(s.Id, s.Reference, s.Status, s.EnterpriseNameZh, s.EnterpriseNameEn, s.Country, s.CreditCode, s.Summary, s.SectorId, sector,
            MoneyDto.From(s.EstimatedInvestment), s.LandMu, s.ExpectedJobs, s.ContactName, s.ContactPhone, s.ContactEmail, s.SubmittedAtUtc, s.AlreadyReported, s.RejectReason,
            timeline, messages, attachments);
    }

    public async ValueTask<MessageDto> Handle(PostPartnerMessage command, CancellationToken cancellationToken)
    {
        var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
        var me = user.RequireId();
        if (!await db.Submissions.AnyAsync(s => s.Id == command.SubmissionId && s.PartnerId == partnerId, cancellationToken))
        {
            throw new NotFoundException("Submission", command.SubmissionId);
        }

        var message = new SubmissionMessage(command.SubmissionId, partnerId, me, fromBureau: false, isInternal: false, command.Body!.Trim(), clock.GetUtcNow().UtcDateTime);
        db.SubmissionMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([me], cancellationToken);
        return new MessageDto(message.Id, false, false, names.GetValueOrDefault(me) ?? "", message.Body, message.AtUtc);
    }

    public async ValueTask<AttachmentFile> Handle(GetAttachment query, CancellationToken cancellationToken)
    {
        var attachments = db.SubmissionAttachments.AsNoTracking().Where(a => a.Id == query.AttachmentId && a.SubmissionId == query.SubmissionId);
        if (!user.IsStaff())
        {
            var partnerId = (await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken)).PartnerId;
            attachments = attachments.Where(a => a.PartnerId == partnerId);
        }

        var attachment = await attachments.Select(a => new { a.StoredName, a.FileName, a.ContentType }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Attachment", query.AttachmentId);
        return new AttachmentFile(store.OpenRead(attachment.StoredName), attachment.FileName, attachment.ContentType);
    }
}

/// <summary>Messages and attachments of one submission, shared by the partner's and the staff's views.</summary>
internal static class SubmissionConversation
{
    public static async Task<IReadOnlyList<MessageDto>> MessagesAsync(IAppDbContext db, IUserDirectory users, Guid submissionId, bool includeInternal, CancellationToken cancellationToken)
    {
        var rows = await db.SubmissionMessages.AsNoTracking()
            .Where(m => m.SubmissionId == submissionId && (includeInternal || !m.IsInternal))
            .OrderBy(m => m.AtUtc)
            .Select(m => new { m.Id, m.FromBureau, m.IsInternal, m.AuthorId, m.Body, m.AtUtc })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(rows.Select(r => r.AuthorId).Distinct(), cancellationToken);

        // Partners see "招商局" for bureau staff, not the officer's name.
        return [.. rows.Select(r => new MessageDto(r.Id, r.FromBureau, r.IsInternal,
            r.FromBureau && !includeInternal ? "昆山招商局 / Investment bureau" : names.GetValueOrDefault(r.AuthorId) ?? "", r.Body, r.AtUtc))];
    }

    public static async Task<IReadOnlyList<AttachmentDto>> AttachmentsAsync(IAppDbContext db, Guid submissionId, CancellationToken cancellationToken) =>
        await db.SubmissionAttachments.AsNoTracking()
            .Where(a => a.SubmissionId == submissionId)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.FileName)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes))
            .ToListAsync(cancellationToken);

    /// <summary>Notifies every member of the organisation (in the caller's unit of work).</summary>
    public static async Task NotifyPartnerAsync(IAppDbContext db, Notifier notifier, Guid partnerId, Guid submissionId, string kind, string title, string? body, CancellationToken cancellationToken)
    {
        var members = await db.PartnerMembers.AsNoTracking().Where(m => m.PartnerId == partnerId).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            notifier.Notify(member, kind, title, body, $"/portal/submissions/{submissionId}");
        }
    }
}
