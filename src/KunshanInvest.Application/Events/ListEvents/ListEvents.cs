using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Events.ListEvents;

/// <summary>招商活动, latest first, each with the number of projects recorded as signed there. Two queries.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListEvents : IQuery<IReadOnlyList<EventListItem>>;

public sealed class ListEventsHandler(IAppDbContext db) : IQueryHandler<ListEvents, IReadOnlyList<EventListItem>>
{
    public async ValueTask<IReadOnlyList<EventListItem>> Handle(ListEvents query, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking()
            .OrderByDescending(e => e.StartsOn).ThenBy(e => e.Code)
            .Select(e => new { e.Id, e.Code, e.NameZh, e.NameEn, e.Kind, e.StartsOn, e.EndsOn, e.Place, e.AnnouncedProjects, e.AnnouncedInvestmentFen })
            .ToListAsync(cancellationToken);
        var counts = await db.Projects.AsNoTracking()
            .Where(p => p.EventId != null)
            .GroupBy(p => p.EventId)
            .Select(g => new { EventId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.EventId, x => x.Count, cancellationToken);
        return [.. events.Select(e => new EventListItem(
            e.Id, e.Code, e.NameZh, e.NameEn, e.Kind, e.StartsOn, e.EndsOn, e.Place, e.AnnouncedProjects, e.AnnouncedInvestmentFen, counts.GetValueOrDefault(e.Id)))];
    }
}
