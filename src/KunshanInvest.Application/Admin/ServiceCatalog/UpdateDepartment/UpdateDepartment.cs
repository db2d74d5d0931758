using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.UpdateDepartment;

/// <summary>
/// An Admin renames a department, names its head (one of its members or a manager; null for none) and retires or
/// reactivates it, at the <paramref name="Version"/> last read (If-Match).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateDepartment(Guid Id, int Version, string NameZh, string NameEn, Guid? HeadUserId, bool IsActive) : ICommand<DepartmentDto>;

public sealed class UpdateDepartmentValidator : AbstractValidator<UpdateDepartment>
{
    public UpdateDepartmentValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddNameRules(x => x.NameZh, x => x.NameEn, Department.NameMaxLength);
    }
}

public sealed class UpdateDepartmentHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<UpdateDepartment, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(UpdateDepartment command, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Department), command.Id);
        if (department.Version != command.Version)
        {
            throw new ConflictException(M.ChangedSinceVersion.With(("what", M.Things.Entity(nameof(Department))), ("current", department.Version), ("version", command.Version)));
        }

        if (command.HeadUserId != department.HeadUserId)
        {
            await ServiceCatalogFields.EnsureHeadAsync(db, users, department.Id, command.HeadUserId, cancellationToken);
        }

        db.ExpectVersion(department, command.Version);
        department.Rename(command.NameZh, command.NameEn);
        department.SetHead(command.HeadUserId);
        department.Activate(command.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return await ServiceCatalogFields.DepartmentAsync(db, users, department.Id, cancellationToken);
    }
}
