using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Admin.Users.AssignSectorLead;

/// <summary>Names a sector's lead officer (partner submissions are routed to them), or clears it with null.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record AssignSectorLead(Guid SectorId, Guid? OfficerId) : ICommand<SectorLeadDto>;

public sealed record SectorLeadDto(Guid SectorId, string Code, Guid? LeadOfficerId, string? LeadOfficerName, int Version);

public sealed class AssignSectorLeadHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<AssignSectorLead, SectorLeadDto>
{
    public async ValueTask<SectorLeadDto> Handle(AssignSectorLead command, CancellationToken cancellationToken)
    {
        var sector = await db.Sectors.SingleOrDefaultAsync(s => s.Id == command.SectorId, cancellationToken)
            ?? throw new NotFoundException("Sector", command.SectorId);
        if (command.OfficerId is { } officerId && !await users.IsActiveInRoleAsync(officerId, [Roles.Officer, Roles.Manager], cancellationToken))
        {
            throw M.LeadNotOfficer.Rule();
        }

        sector.AssignLeadOfficer(command.OfficerId);
        await db.SaveChangesAsync(cancellationToken);
        var name = command.OfficerId is { } id ? (await users.DisplayNamesAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        return new SectorLeadDto(sector.Id, sector.Code, sector.LeadOfficerId, name, sector.Version);
    }
}
