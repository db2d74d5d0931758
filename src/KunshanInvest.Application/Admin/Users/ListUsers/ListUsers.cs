using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.Admin.Users.ListUsers;

/// <summary>Every account, disabled ones included, with roles, sectors and open follow-ups (Admin).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListUsers : IQuery<IReadOnlyList<AdminUserDto>>;

public sealed class ListUsersHandler(IAppDbContext db, IUserAdministration users) : IQueryHandler<ListUsers, IReadOnlyList<AdminUserDto>>
{
    public async ValueTask<IReadOnlyList<AdminUserDto>> Handle(ListUsers query, CancellationToken cancellationToken) =>
        await AdminUsers.DtosAsync(db, await users.ListAsync(cancellationToken), cancellationToken);
}
