using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change (or the job's effect) it reports, so
/// it is never lost; the dispatcher sends it and stamps <see cref="SentAtUtc"/>. A crash between sending and
/// stamping sends it again once: at least once, and at most twice, per row.
/// </summary>
public sealed class OutboxEmail : Entity
{
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    /// <summary>After this many failed attempts the row stays unsent, with its last error, for an admin to see.</summary>
    public const int MaxAttempts = 5;

    private OutboxEmail() { }

    /// <summary>An e-mail of an in-app notice: subject and body are rendered from the notice when it is sent.</summary>
    public static OutboxEmail OfNotification(Notification notification, DateTime createdAtUtc) => new()
    {
        UserId = notification.UserId,
        NotificationId = notification.Id,
        CreatedAtUtc = createdAtUtc,
    };

    /// <summary>An e-mail with a body of its own (e.g. the weekly digest's HTML).</summary>
    public static OutboxEmail Composed(Guid userId, Guid? notificationId, string subject, string htmlBody, DateTime createdAtUtc) => new()
    {
        UserId = userId,
        NotificationId = notificationId,
        Subject = subject.Length <= SubjectMaxLength ? subject : subject[..SubjectMaxLength],
        HtmlBody = htmlBody,
        CreatedAtUtc = createdAtUtc,
    };

    public Guid UserId { get; private set; }
    public Guid? NotificationId { get; private set; }
    public string? Subject { get; private set; }
    public string? HtmlBody { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>A dispatcher's claim: rows claimed by another dispatcher are skipped until the claim expires.</summary>
    public Guid? ClaimToken { get; private set; }

    /// <inheritdoc cref="ClaimToken"/>
    public DateTime? ClaimedUntilUtc { get; private set; }
}
