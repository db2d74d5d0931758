using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Notifications.MarkAllRead;

/// <summary>Marks every unread notice of the caller read; returns how many.</summary>
[AuthorizeRequest]
public sealed record MarkAllRead : ICommand<int>;

public sealed class MarkAllReadHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkAllRead, int>
{
    public async ValueTask<int> Handle(MarkAllRead command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;

        // One UPDATE, however full the inbox. It bypasses the audit interceptor on purpose: a read mark is the
        // user's own inbox state, not business data, and auditing it row by row would bury the trail.
        return await db.Notifications
            .Where(n => n.UserId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
