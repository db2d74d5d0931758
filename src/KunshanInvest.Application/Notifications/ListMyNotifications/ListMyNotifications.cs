using System.Globalization;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Notifications.ListMyNotifications;

/// <summary>The caller's unread count and latest notices, read or not. Every signed-in role has an inbox, partners included.</summary>
[AuthorizeRequest]
public sealed record ListMyNotifications(int Take = ListMyNotifications.DefaultTake) : IQuery<MyNotifications>
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;
}

public sealed record MyNotifications(int UnreadCount, IReadOnlyList<NotificationDto> Latest);

public sealed record NotificationDto(Guid Id, string Kind, string Title, string? Body, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

public sealed class ListMyNotificationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyNotifications, MyNotifications>
{
    public async ValueTask<MyNotifications> Handle(ListMyNotifications query, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);

        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var latest = await mine
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(query.Take, 1, ListMyNotifications.MaxTake))
            .Select(n => new { n.Id, n.Kind, n.Title, n.Body, n.TitleCode, n.BodyCode, n.ArgsJson, n.Link, n.CreatedAtUtc, n.ReadAtUtc })
            .ToListAsync(cancellationToken);

        // Worded now, in the reader's language (the request's or the circuit's).
        var culture = CultureInfo.CurrentUICulture;
        return new MyNotifications(unread, [.. latest.Select(n =>
        {
            var (title, body) = Notifier.Word(n.Title, n.Body, n.TitleCode, n.BodyCode, n.ArgsJson, culture);
            return new NotificationDto(n.Id, n.Kind, title, body, n.Link, n.CreatedAtUtc, n.ReadAtUtc);
        })]);
    }
}
