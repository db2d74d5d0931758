using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Events.GetEvent;

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetEvent(Guid Id) : IQuery<EventDetail>;

public sealed class GetEventHandler(IAppDbContext db) : IQueryHandler<GetEvent, EventDetail>
{
    public async ValueTask<EventDetail> Handle(GetEvent query, CancellationToken cancellationToken)
    {
        var promotion = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Event", query.Id);
        return EventDetail.From(promotion);
    }
}
