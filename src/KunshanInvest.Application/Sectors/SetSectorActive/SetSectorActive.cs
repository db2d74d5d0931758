using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Sectors.SetSectorActive;

/// <summary>
/// An Admin deactivates a sector (it keeps its projects, history and reports; CreateLead refuses it) or reactivates
/// it, at the <paramref name="Version"/> last read (If-Match).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SetSectorActive(Guid Id, int Version, bool Active) : ICommand<SectorSettingsDto>;

public sealed class SetSectorActiveHandler(IAppDbContext db) : ICommandHandler<SetSectorActive, SectorSettingsDto>
{
    public async ValueTask<SectorSettingsDto> Handle(SetSectorActive command, CancellationToken cancellationToken)
    {
        var sector = await SectorSettings.ForEditAsync(db, command.Id, command.Version, cancellationToken);
        if (command.Active)
        {
            sector.Reactivate();
        }
        else
        {
            sector.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return SectorSettings.From(sector);
    }
}
