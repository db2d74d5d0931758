using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Channels;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels;

/// <summary>
/// Writes the robot messages that are due (ADR 0038): a sector group's new leads, signings (stage → 签约) and 六未
/// escalations since the channel was given the sector, and each user's notices since they chose a channel. Events
/// older than <see cref="Horizon"/> are not announced late. Four reads and one save, whatever the numbers; the unique
/// (channel, kind, subject, period) key refuses a message another server wrote meanwhile, and then this sweep's
/// messages are dropped (the other server wrote the same ones).
/// </summary>
internal static class ChannelSweep
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(3);

    public static async Task<int> QueueAsync(IAppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - Horizon;
        var groups = db.NotificationChannels.Where(c => c.IsEnabled && c.SectorId != null && c.SectorSinceUtc != null);

        var leads = await (
            from c in groups
            from p in db.Projects
            where p.SectorId == c.SectorId && p.CreatedAtUtc >= c.SectorSinceUtc && p.CreatedAtUtc >= since
                && !db.ChannelMessages.Any(m => m.ChannelId == c.Id && m.Kind == ChannelMessage.KindLead && m.SubjectId == p.Id)
            orderby p.CreatedAtUtc, p.Id
            select new { ChannelId = c.Id, SubjectId = p.Id, ProjectId = p.Id, p.Code, p.Name })
            .ToListAsync(cancellationToken);

        var signings = await (
            from c in groups
            from s in db.StageChanges
            join p in db.Projects on s.ProjectId equals p.Id
            where p.SectorId == c.SectorId && s.To == ProjectStage.Signed && s.AtUtc >= c.SectorSinceUtc && s.AtUtc >= since
                && !db.ChannelMessages.Any(m => m.ChannelId == c.Id && m.Kind == ChannelMessage.KindSigned && m.SubjectId == s.Id)
            orderby s.AtUtc, s.Id
            select new { ChannelId = c.Id, SubjectId = s.Id, ProjectId = p.Id, p.Code, p.Name })
            .ToListAsync(cancellationToken);

        // One message per escalation: a project escalated again (a higher level, or anew after moving on) is new.
        var escalations = await (
            from c in groups
            from p in db.Projects
            where p.SectorId == c.SectorId && p.EscalationLevel > 0 && p.EscalatedAtUtc != null && p.EscalatedAtUtc >= c.SectorSinceUtc && p.EscalatedAtUtc >= since
                && !db.ChannelMessages.Any(m => m.ChannelId == c.Id && m.Kind == ChannelMessage.KindEscalated && m.SubjectId == p.Id && m.CreatedAtUtc >= p.EscalatedAtUtc)
            orderby p.EscalatedAtUtc, p.Id
            select new { ChannelId = c.Id, SubjectId = p.Id, ProjectId = p.Id, p.Code, p.Name, p.EscalationLevel, EscalatedAtUtc = p.EscalatedAtUtc!.Value })
            .ToListAsync(cancellationToken);

        var notices = await (
            from n in db.Notifications
            join s in db.UserNotificationSettings on n.UserId equals s.UserId
            from c in db.NotificationChannels
            where (c.Id == s.WeComChannelId || c.Id == s.DingTalkChannelId) && c.IsEnabled
                && s.ChannelsSinceUtc != null && n.CreatedAtUtc >= s.ChannelsSinceUtc && n.CreatedAtUtc >= since
                && !db.ChannelMessages.Any(m => m.ChannelId == c.Id && m.Kind == ChannelMessage.KindNotice && m.SubjectId == n.Id)
            orderby n.CreatedAtUtc, n.Id, c.Id
            select new { ChannelId = c.Id, NotificationId = n.Id, n.Title, s.Mobile, s.ImUserId })
            .ToListAsync(cancellationToken);

        List<ChannelMessage> messages =
        [
            .. leads.Select(x => Project(x.ChannelId, ChannelMessage.KindLead, x.SubjectId, "", M.ChannelLead, x.ProjectId, x.Code, x.Name, null, now)),
            .. signings.Select(x => Project(x.ChannelId, ChannelMessage.KindSigned, x.SubjectId, "", M.ChannelSigned, x.ProjectId, x.Code, x.Name, null, now)),
            .. escalations.Select(x => Project(x.ChannelId, ChannelMessage.KindEscalated, x.SubjectId,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"L{x.EscalationLevel}@{x.EscalatedAtUtc:O}"), M.ChannelEscalated, x.ProjectId, x.Code, x.Name, x.EscalationLevel, now)),
            .. notices.Select(x => new ChannelMessage(x.ChannelId, ChannelMessage.KindNotice, x.NotificationId, "", now).OfNotice(x.NotificationId, x.Title, x.Mobile, x.ImUserId)),
        ];
        if (messages.Count == 0)
        {
            return 0;
        }

        db.ChannelMessages.AddRange(messages);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return messages.Count;
        }
        catch (DbUpdateException)
        {
            // Another dispatcher wrote (some of) the same messages first: its rows stand, this sweep's go.
            db.DiscardChanges();
            return 0;
        }

        static ChannelMessage Project(Guid channelId, string kind, Guid subjectId, string period, Msg title, Guid projectId, string code, string name, int? level, DateTime now)
        {
            var args = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code, ["name"] = name };
            if (level is { } l)
            {
                args["level"] = l;
            }

            return new ChannelMessage(channelId, kind, subjectId, period, now)
                .Coded(title.Render(Messages.DefaultCulture, args), title.Code, null, SaidJson.Write(args), $"/projects/{projectId}");
        }
    }
}
