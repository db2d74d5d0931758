using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.Admin.ServiceCatalog.ListDepartments;

/// <summary>Every department (办理部门) with its head and members, by code: three statements whatever their number.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListDepartments : IQuery<IReadOnlyList<DepartmentDto>>;

public sealed class ListDepartmentsHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<ListDepartments, IReadOnlyList<DepartmentDto>>
{
    public async ValueTask<IReadOnlyList<DepartmentDto>> Handle(ListDepartments query, CancellationToken cancellationToken) =>
        await ServiceCatalogFields.DepartmentsAsync(db, users, null, cancellationToken);
}
