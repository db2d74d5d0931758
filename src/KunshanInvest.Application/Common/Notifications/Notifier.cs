using System.Globalization;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Notifications;

namespace KunshanInvest.Application.Common.Notifications;

/// <summary>
/// Queues in-app notices in the caller's unit of work: they are saved with the change that caused them, or not at
/// all. (E-mail delivery of the same notices is the jobs' business.) A notice is stored as catalogue codes and
/// arguments and worded in its reader's language when read; its Chinese wording is kept beside them.
/// </summary>
public sealed class Notifier(IAppDbContext db, TimeProvider clock)
{
    public void Notify(Guid userId, string kind, Said title, Said? body = null, string? link = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        var args = new Dictionary<string, object?>(title.Args, StringComparer.Ordinal);
        foreach (var (name, value) in body?.Args ?? Said.NoArgs)
        {
            args[name] = value;
        }

        var zh = Messages.Messages.DefaultCulture;
        var notification = New(userId, kind, title.Render(zh), body?.Render(zh), link);
        notification.Coded(title.Code, body?.Code, SaidJson.Write(args));
        db.Notifications.Add(notification);
    }

    /// <summary>A stored notice in <paramref name="culture"/>'s language: from its codes where it has them, else as written.</summary>
    public static (string Title, string? Body) Word(string title, string? body, string? titleCode, string? bodyCode, string? argsJson, CultureInfo culture)
    {
        if (titleCode is null)
        {
            return (title, body);
        }

        var args = SaidJson.Read(argsJson);
        return (Messages.Messages.Render(titleCode, args, culture) ?? title,
            bodyCode is null ? body : Messages.Messages.Render(bodyCode, args, culture) ?? body);
    }

    private Notification New(Guid userId, string kind, string title, string? body, string? link) =>
        new(userId, kind, Truncate(title, Notification.TitleMaxLength), body is null ? null : Truncate(body, Notification.BodyMaxLength), link, clock.GetUtcNow().UtcDateTime);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
