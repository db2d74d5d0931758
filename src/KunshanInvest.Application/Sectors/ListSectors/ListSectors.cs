using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Sectors.ListSectors;

/// <summary>Every sector, for pickers and the API. Partners see them too: they choose one when submitting.</summary>
[AuthorizeRequest]
public sealed record ListSectors : IQuery<IReadOnlyList<SectorDto>>;

public sealed record SectorDto(Guid Id, string Code, string NameZh, string NameEn, string? DescriptionZh, string? DescriptionEn, bool IsActive, int Version);

public sealed class ListSectorsHandler(IAppDbContext db) : IQueryHandler<ListSectors, IReadOnlyList<SectorDto>>
{
    public async ValueTask<IReadOnlyList<SectorDto>> Handle(ListSectors query, CancellationToken cancellationToken) =>
        await db.Sectors.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new SectorDto(s.Id, s.Code, s.NameZh, s.NameEn, s.DescriptionZh, s.DescriptionEn, s.IsActive, s.Version))
            .ToListAsync(cancellationToken);
}
