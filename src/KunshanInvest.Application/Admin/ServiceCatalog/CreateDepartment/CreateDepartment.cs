using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.CreateDepartment;

/// <summary>An Admin adds a department requests can be routed to (人社局, 供电所 …); members and head come next.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateDepartment(string Code, string NameZh, string NameEn) : ICommand<DepartmentDto>;

public sealed class CreateDepartmentValidator : AbstractValidator<CreateDepartment>
{
    public CreateDepartmentValidator()
    {
        this.AddCodeRule(x => x.Code, Department.CodeMaxLength);
        this.AddNameRules(x => x.NameZh, x => x.NameEn, Department.NameMaxLength);
    }
}

public sealed class CreateDepartmentHandler(IAppDbContext db) : ICommandHandler<CreateDepartment, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(CreateDepartment command, CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(d => d.Code == command.Code, cancellationToken))
        {
            throw new ConflictException(M.CodeTaken.With(("code", command.Code)));
        }

        var department = new Department(command.Code, command.NameZh, command.NameEn);
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return new DepartmentDto(department.Id, department.Code, department.NameZh, department.NameEn, null, null, department.IsActive, department.Version, []);
    }
}
