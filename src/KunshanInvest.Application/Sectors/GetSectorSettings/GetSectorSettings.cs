using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Sectors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Sectors.GetSectorSettings;

/// <summary>One sector's settings with its version (the ETag an edit sends back).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record GetSectorSettings(Guid Id) : IQuery<SectorSettingsDto>;

public sealed class GetSectorSettingsHandler(IAppDbContext db) : IQueryHandler<GetSectorSettings, SectorSettingsDto>
{
    public async ValueTask<SectorSettingsDto> Handle(GetSectorSettings query, CancellationToken cancellationToken) =>
        await SectorSettings.Project(db.Sectors.AsNoTracking().Where(s => s.Id == query.Id)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(nameof(Sector), query.Id);
}
