using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Sectors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Admin.Users.SetUserSectors;

/// <summary>Sets the sectors an officer works (their default scope), replacing the previous set.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SetUserSectors(Guid Id, IReadOnlyList<Guid>? SectorIds) : ICommand<AdminUserDto>;

public sealed class SetUserSectorsValidator : AbstractValidator<SetUserSectors>
{
    public SetUserSectorsValidator()
    {
        RuleFor(x => x.SectorIds).NotNull();
        RuleForEach(x => x.SectorIds).NotEqual(Guid.Empty);
    }
}

public sealed class SetUserSectorsHandler(IAppDbContext db, IUserAdministration users) : ICommandHandler<SetUserSectors, AdminUserDto>
{
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Manager, Roles.Officer];

    public async ValueTask<AdminUserDto> Handle(SetUserSectors command, CancellationToken cancellationToken)
    {
        var account = await users.GetAsync(command.Id, cancellationToken);
        var wanted = command.SectorIds!.Distinct().ToList();
        if (wanted.Count > 0 && !account.Roles.Intersect(StaffRoles, StringComparer.Ordinal).Any())
        {
            throw M.UserNotStaff.Rule();
        }

        var known = await db.Sectors.Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        var unknown = wanted.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw FieldError.Invalid(nameof(SetUserSectors.SectorIds), M.UnknownSectors.With(("ids", string.Join(", ", unknown))));
        }

        var current = await db.OfficerSectors.Where(o => o.UserId == command.Id).ToListAsync(cancellationToken);
        db.OfficerSectors.RemoveRange(current.Where(o => !wanted.Contains(o.SectorId)));
        db.OfficerSectors.AddRange(wanted.Where(id => current.All(o => o.SectorId != id)).Select(id => new OfficerSector(command.Id, id)));
        await db.SaveChangesAsync(cancellationToken);
        return await AdminUsers.DtoAsync(db, users, command.Id, cancellationToken);
    }
}
