using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Sectors.ListSectorSettings;

/// <summary>The admin's sector list: active and inactive, with each sector's own limits and the defaults.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListSectorSettings : IQuery<SectorCatalog>;

public sealed class ListSectorSettingsHandler(IAppDbContext db, IOptions<StalledOptions> stalled) : IQueryHandler<ListSectorSettings, SectorCatalog>
{
    public async ValueTask<SectorCatalog> Handle(ListSectorSettings query, CancellationToken cancellationToken)
    {
        var sectors = await SectorSettings.Project(db.Sectors.AsNoTracking().OrderBy(s => s.Code)).ToListAsync(cancellationToken);
        return new SectorCatalog(sectors, SectorSettings.Defaults(stalled.Value));
    }
}
