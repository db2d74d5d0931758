using KunshanInvest.Domain.Notifications;

namespace KunshanInvest.Application.Common.Notifications;

/// <summary>
/// Queues in-app notices in the caller's unit of work: they are saved with the change that caused them, or not at
/// all. (E-mail delivery of the same notices is the jobs' business.)
/// </summary>
public sealed class Notifier(IAppDbContext db, TimeProvider clock)
{
    public void Notify(Guid userId, string kind, string title, string? body = null, string? link = null) =>
        db.Notifications.Add(new Notification(userId, kind, Truncate(title, Notification.TitleMaxLength), body is null ? null : Truncate(body, Notification.BodyMaxLength), link, clock.GetUtcNow().UtcDateTime));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
