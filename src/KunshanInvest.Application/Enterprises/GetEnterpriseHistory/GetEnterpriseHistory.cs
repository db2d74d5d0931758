using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.History;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.GetEnterpriseHistory;

/// <summary>The audit trail of one enterprise record; unlike <see cref="GetHistory"/>, an unknown id is a 404, not an empty list.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetEnterpriseHistory(Guid Id) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed class GetEnterpriseHistoryHandler(IAppDbContext db) : IQueryHandler<GetEnterpriseHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetEnterpriseHistory query, CancellationToken cancellationToken)
    {
        if (!await db.Enterprises.AnyAsync(e => e.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException(nameof(Enterprise), query.Id);
        }

        return await new GetHistoryHandler(db).Handle(new GetHistory(nameof(Enterprise), query.Id), cancellationToken);
    }
}
