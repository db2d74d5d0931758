using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Parks.ListParks;

/// <summary>Every park (载体), for pickers.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListParks : IQuery<IReadOnlyList<ParkDto>>;

public sealed record ParkDto(Guid Id, string Code, string NameZh, string NameEn, string? Description, int Version);

public sealed class ListParksHandler(IAppDbContext db) : IQueryHandler<ListParks, IReadOnlyList<ParkDto>>
{
    public async ValueTask<IReadOnlyList<ParkDto>> Handle(ListParks query, CancellationToken cancellationToken) =>
        await db.Parks.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ParkDto(p.Id, p.Code, p.NameZh, p.NameEn, p.Description, p.Version))
            .ToListAsync(cancellationToken);
}
