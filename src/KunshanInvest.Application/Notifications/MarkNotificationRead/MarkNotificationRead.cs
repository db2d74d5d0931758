using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Notifications.MarkNotificationRead;

/// <summary>
/// Marks one of the caller's notices read; again is harmless, the first reading time stays. Another user's
/// notice is reported as not found, so ids reveal nothing about other inboxes.
/// </summary>
[AuthorizeRequest]
public sealed record MarkNotificationRead(Guid Id) : ICommand;

public sealed class MarkNotificationReadHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead>
{
    public async ValueTask<Unit> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;

        // Read marks are written like MarkAllRead's (see there why they are not audited), keeping the first time read.
        var marked = await db.Notifications
            .Where(n => n.Id == command.Id && n.UserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, n => n.ReadAtUtc ?? now), cancellationToken);
        return marked == 0 ? throw new NotFoundException("Notification", command.Id) : Unit.Value;
    }
}
