using System.Net;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Email;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Jobs.DispatchEmails;

/// <summary>
/// Sends the outbox: claims a batch of unsent rows (a conditional UPDATE, so two dispatchers never take the same row
/// while a claim holds), sends each, and stamps the sent ones in one UPDATE. A crash after sending and before the
/// stamp lets the claim expire and the row go once more; a row is never lost. An e-mail of a notice is worded at
/// send time, from the notice's codes and arguments, in the recipient's chosen language (zh-CN when none).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record DispatchEmails : ICommand<JobResult>;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SMTP server; empty (the default) writes .eml files to <see cref="PickupDirectory"/> instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@kunshaninvest.local";
    public string FromName { get; set; } = "昆山招商 KunshanInvest";

    /// <summary>Where .eml files go without SMTP; empty means the data folder's <c>mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The app's address, for links in e-mails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

public sealed partial class DispatchEmailsHandler(IAppDbContext db, IUserDirectory users, IEmailSender sender, IOptions<MailOptions> options, TimeProvider clock, ILogger<DispatchEmailsHandler> logger)
    : ICommandHandler<DispatchEmails, JobResult>
{
    private const int Batch = 200;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public async ValueTask<JobResult> Handle(DispatchEmails command, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (await DispatchBatchAsync(cancellationToken) is var (claimed, ok) && claimed > 0)
        {
            sent += ok;
            if (claimed < Batch)
            {
                break;
            }
        }

        return new JobResult(JobNames.MailDispatch, sent);
    }

    private async Task<(int Claimed, int Sent)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var until = now + ClaimFor;

        // The claimable condition is repeated outside the batch's subquery: PostgreSQL re-checks only the outer
        // condition on a row another dispatcher changed meanwhile.
        var claimable = db.OutboxEmails.Where(e => e.SentAtUtc == null && e.Attempts < OutboxEmail.MaxAttempts && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now));
        var batch = claimable.OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).Take(Batch).Select(e => e.Id);
        var claimed = await claimable.Where(e => batch.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.ClaimedUntilUtc, until), cancellationToken);
        if (claimed == 0)
        {
            return (0, 0);
        }

        var rows = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.ClaimToken == token)
            .GroupJoin(db.Notifications, e => e.NotificationId, n => n.Id, (e, n) => new { e, n })
            .SelectMany(x => x.n.DefaultIfEmpty(), (x, n) => new { x.e.Id, x.e.UserId, x.e.Subject, x.e.HtmlBody, Title = n == null ? null : n.Title, Body = n == null ? null : n.Body, Link = n == null ? null : n.Link,
                TitleCode = n == null ? null : n.TitleCode, BodyCode = n == null ? null : n.BodyCode, ArgsJson = n == null ? null : n.ArgsJson })
            .ToListAsync(cancellationToken);
        var mailboxes = await users.MailboxesAsync(rows.Select(r => r.UserId), cancellationToken);
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var mailOff = (await db.UserNotificationSettings.Where(s => !s.EmailEnabled && userIds.Contains(s.UserId)).Select(s => s.UserId).ToListAsync(cancellationToken)).ToHashSet();

        List<Guid> sentIds = [], failedIds = [], unaddressed = [];
        string? firstError = null;
        foreach (var row in rows)
        {
            if (!mailboxes.TryGetValue(row.UserId, out var mailbox) || mailOff.Contains(row.UserId))
            {
                unaddressed.Add(row.Id);
                continue;
            }

            var culture = Messages.CultureOf(mailbox.Language);
            var (title, body) = row.Title is null ? (null, row.Body) : Notifier.Word(row.Title, row.Body, row.TitleCode, row.BodyCode, row.ArgsJson, culture);
            var subject = Subject(row.Subject ?? title ?? M.MailFrom.Render(culture));
            var html = row.HtmlBody ?? NoticeHtml(title, body, row.Link);
            try
            {
                await sender.SendAsync(new EmailMessage(row.Id, mailbox.Address, mailbox.Name, subject, html, NoticeText(title ?? subject, body, row.Link)), cancellationToken);
                sentIds.Add(row.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, row.Id, ex);
                failedIds.Add(row.Id);
                firstError ??= ex.Message.Length <= OutboxEmail.ErrorMaxLength ? ex.Message : ex.Message[..OutboxEmail.ErrorMaxLength];
            }
        }

        var stamped = clock.GetUtcNow().UtcDateTime;
        if (sentIds.Count > 0)
        {
            await db.OutboxEmails.Where(e => sentIds.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentAtUtc, (DateTime?)stamped).SetProperty(e => e.ClaimToken, (Guid?)null).SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
        }

        if (failedIds.Count > 0)
        {
            await db.OutboxEmails.Where(e => failedIds.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, e => e.Attempts + 1).SetProperty(e => e.LastError, firstError).SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
        }

        if (unaddressed.Count > 0)
        {
            await db.OutboxEmails.Where(e => unaddressed.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, OutboxEmail.MaxAttempts).SetProperty(e => e.LastError, "The user has no e-mail address or turned e-mail off."), cancellationToken);
        }

        return (claimed, sentIds.Count);
    }

    private static string Subject(string subject) =>
        subject.Length <= OutboxEmail.SubjectMaxLength ? subject : subject[..OutboxEmail.SubjectMaxLength];

    private string NoticeHtml(string? title, string? body, string? link)
    {
        var url = link is null ? null : options.Value.BaseUrl.TrimEnd('/') + link;
        return $"<h3>{WebUtility.HtmlEncode(title)}</h3>"
            + (body is null ? "" : $"<p>{WebUtility.HtmlEncode(body)}</p>")
            + (url is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></p>");
    }

    private string NoticeText(string title, string? body, string? link) =>
        string.Join("\n\n", new[] { title, body, link is null ? null : options.Value.BaseUrl.TrimEnd('/') + link }.OfType<string>());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox e-mail {Id} failed")]
    private static partial void LogFailed(ILogger logger, Guid id, Exception exception);
}
