using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.RemoveDepartmentMember;

/// <summary>
/// An Admin removes a handling user from a department; they no longer see its requests. The head cannot be removed
/// while heading it (unless a manager, who may head without being a member): name another head first.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RemoveDepartmentMember(Guid DepartmentId, Guid UserId) : ICommand<DepartmentDto>;

public sealed class RemoveDepartmentMemberHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<RemoveDepartmentMember, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(RemoveDepartmentMember command, CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DepartmentId, cancellationToken)
            ?? throw new NotFoundException(nameof(Department), command.DepartmentId);
        var member = await db.DepartmentMembers.SingleOrDefaultAsync(m => m.DepartmentId == command.DepartmentId && m.UserId == command.UserId, cancellationToken)
            ?? throw new ConflictException(M.DepartmentNotMember.With());
        if (department.HeadUserId == command.UserId && !await users.IsActiveInRoleAsync(command.UserId, [Roles.Manager], cancellationToken))
        {
            throw new ConflictException(M.DepartmentHeadIsMember.With());
        }

        db.DepartmentMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return await ServiceCatalogFields.DepartmentAsync(db, users, command.DepartmentId, cancellationToken);
    }
}
