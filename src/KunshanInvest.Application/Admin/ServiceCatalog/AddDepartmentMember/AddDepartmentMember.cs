using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.AddDepartmentMember;

/// <summary>An Admin adds a handling user to a department: an enabled user of the Department role, or bureau staff (ADR 0031).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record AddDepartmentMember(Guid DepartmentId, Guid UserId) : ICommand<DepartmentDto>;

public sealed class AddDepartmentMemberHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<AddDepartmentMember, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(AddDepartmentMember command, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == command.DepartmentId, cancellationToken))
        {
            throw new NotFoundException(nameof(Department), command.DepartmentId);
        }

        if (!await users.IsActiveInRoleAsync(command.UserId, ServiceCatalogFields.MemberRoles, cancellationToken))
        {
            throw FieldError.Invalid("userId", M.DepartmentMemberRole.With());
        }

        if (await db.DepartmentMembers.AnyAsync(m => m.DepartmentId == command.DepartmentId && m.UserId == command.UserId, cancellationToken))
        {
            throw new ConflictException(M.DepartmentAlreadyMember.With());
        }

        db.DepartmentMembers.Add(new DepartmentMember(command.DepartmentId, command.UserId));
        await db.SaveChangesAsync(cancellationToken);
        return await ServiceCatalogFields.DepartmentAsync(db, users, command.DepartmentId, cancellationToken);
    }
}
