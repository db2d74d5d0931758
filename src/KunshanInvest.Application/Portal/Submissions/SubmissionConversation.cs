using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Users;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Submissions;

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
            r.FromBureau && !includeInternal ? M.Bureau.ToString() : names.GetValueOrDefault(r.AuthorId) ?? "", r.Body, r.AtUtc))];
    }

    public static async Task<IReadOnlyList<AttachmentDto>> AttachmentsAsync(IAppDbContext db, Guid submissionId, CancellationToken cancellationToken) =>
        await db.SubmissionAttachments.AsNoTracking()
            .Where(a => a.SubmissionId == submissionId)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.FileName)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes))
            .ToListAsync(cancellationToken);

    /// <summary>Notifies every member of the organisation (in the caller's unit of work).</summary>
    public static async Task NotifyPartnerAsync(IAppDbContext db, Notifier notifier, Guid partnerId, Guid submissionId, string kind, Said title, Said? body, CancellationToken cancellationToken)
    {
        var members = await db.PartnerMembers.AsNoTracking().Where(m => m.PartnerId == partnerId).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            notifier.Notify(member, kind, title, body, $"/portal/submissions/{submissionId}");
        }
    }
}
