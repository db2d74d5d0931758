using KunshanInvest.Application.Channels;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs.DispatchEmails;
using KunshanInvest.Domain.Channels;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.DispatchChannelMessages;

/// <summary>
/// Sends the robot channels' outbox (ADR 0038). First the sweep writes the messages that are due (sector groups'
/// leads, signings and 六未; users' notices). Then the dispatcher leases each robot with due messages — a conditional
/// UPDATE of the channel row, so while the lease holds no other dispatcher (another server) sends to that robot — and
/// sends at most <see cref="NotificationChannel.MessagesPerMinute"/> minus the attempts of the last minute, oldest
/// first, worded in the channel's language. A failure (not HTTP 200, or an errcode other than 0) is retried after
/// 1, 2, 4, 8, 16 minutes, then left with its last error for admins. A crash between sending and stamping lets the
/// lease expire and sends that message once more; no message is lost.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record DispatchChannelMessages : ICommand<JobResult>;

public sealed class DispatchChannelMessagesHandler(IAppDbContext db, IChannelSender sender, IOptions<MailOptions> options, TimeProvider clock)
    : ICommandHandler<DispatchChannelMessages, JobResult>
{
    /// <summary>Longer than 20 sends at the sender's timeout: a lease never lapses under a live dispatcher.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async ValueTask<JobResult> Handle(DispatchChannelMessages command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await ChannelSweep.QueueAsync(db, now, cancellationToken);

        var due = db.ChannelMessages.Where(m => m.SentAtUtc == null && m.Attempts < ChannelMessage.MaxAttempts && m.NextAttemptAtUtc <= now);
        var token = Guid.NewGuid();
        var until = now + Lease;
        var leased = await db.NotificationChannels
            .Where(c => c.IsEnabled && (c.LeaseUntilUtc == null || c.LeaseUntilUtc < now) && due.Any(m => m.ChannelId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseToken, token).SetProperty(c => c.LeaseUntilUtc, until), cancellationToken);
        if (leased == 0)
        {
            return new JobResult(JobNames.ChannelDispatch, 0);
        }

        try
        {
            return new JobResult(JobNames.ChannelDispatch, await SendLeasedAsync(token, now, due, cancellationToken));
        }
        finally
        {
            await db.NotificationChannels.Where(c => c.LeaseToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseToken, (Guid?)null).SetProperty(c => c.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        }
    }

    private async Task<int> SendLeasedAsync(Guid token, DateTime now, IQueryable<ChannelMessage> due, CancellationToken cancellationToken)
    {
        var windowStart = now - Window;
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.LeaseToken == token)
            .Select(c => new { c.Id, c.Kind, c.WebhookUrl, c.Secret, c.Language, Recent = db.ChannelMessages.Count(m => m.ChannelId == c.Id && m.AttemptedAtUtc > windowStart) })
            .ToListAsync(cancellationToken);
        var ids = channels.Select(c => c.Id).ToList();
        var rows = await due.AsNoTracking()
            .Where(m => ids.Contains(m.ChannelId))
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
            .Take(ids.Count * NotificationChannel.MessagesPerMinute * 10)
            .GroupJoin(db.Notifications, m => m.NotificationId, n => n.Id, (m, n) => new { m, n })
            .SelectMany(x => x.n.DefaultIfEmpty(), (x, n) => new
            {
                x.m.Id, x.m.ChannelId, x.m.Attempts, x.m.Title, x.m.TitleCode, x.m.BodyCode, x.m.ArgsJson, x.m.Link, x.m.MentionMobile, x.m.MentionUserId,
                NoticeTitle = n == null ? null : n.Title, NoticeBody = n == null ? null : n.Body, NoticeLink = n == null ? null : n.Link,
                NoticeTitleCode = n == null ? null : n.TitleCode, NoticeBodyCode = n == null ? null : n.BodyCode, NoticeArgs = n == null ? null : n.ArgsJson,
            })
            .ToListAsync(cancellationToken);

        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        List<Guid> sent = [];
        List<(Guid Id, int Attempts, string Error)> failed = [];
        foreach (var channel in channels)
        {
            var allowance = Math.Max(0, NotificationChannel.MessagesPerMinute - channel.Recent);
            var culture = Messages.CultureOf(channel.Language);
            var target = new RobotTarget(channel.Kind, channel.WebhookUrl, channel.Secret);
            foreach (var row in rows.Where(r => r.ChannelId == channel.Id).Take(allowance))
            {
                var (title, body) = row.NoticeTitle is not null
                    ? Notifier.Word(row.NoticeTitle, row.NoticeBody, row.NoticeTitleCode, row.NoticeBodyCode, row.NoticeArgs, culture)
                    : (Messages.Render(row.TitleCode, SaidJson.Read(row.ArgsJson), culture) ?? row.Title,
                       row.BodyCode is null ? null : Messages.Render(row.BodyCode, SaidJson.Read(row.ArgsJson), culture));
                var link = row.NoticeLink ?? row.Link;
                var message = new RobotMessage(title, body, link is null ? null : baseUrl + link, row.MentionMobile, row.MentionUserId, M.ChannelOpen.Render(culture));
                var answer = await sender.SendAsync(target, message, cancellationToken);
                if (answer.Ok)
                {
                    sent.Add(row.Id);
                }
                else
                {
                    failed.Add((row.Id, row.Attempts + 1, answer.Answer.Length <= ChannelMessage.ErrorMaxLength ? answer.Answer : answer.Answer[..ChannelMessage.ErrorMaxLength]));
                }
            }
        }

        var stamped = clock.GetUtcNow().UtcDateTime;
        if (sent.Count > 0)
        {
            await db.ChannelMessages.Where(m => sent.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, (DateTime?)stamped).SetProperty(m => m.AttemptedAtUtc, (DateTime?)stamped)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), cancellationToken);
        }

        // One statement per attempt count (at most MaxAttempts): each count has its own backoff.
        foreach (var group in failed.GroupBy(f => f.Attempts))
        {
            var groupIds = group.Select(f => f.Id).ToList();
            var next = stamped + ChannelMessage.BackoffAfter(group.Key);
            var error = group.First().Error;
            await db.ChannelMessages.Where(m => groupIds.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, group.Key).SetProperty(m => m.AttemptedAtUtc, (DateTime?)stamped)
                    .SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.LastError, error), cancellationToken);
        }

        return sent.Count;
    }
}
