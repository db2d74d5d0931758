using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.Admin.Users.EnableUser;

/// <summary>Re-enables a disabled account; its old sessions stay ended (the user signs in afresh).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record EnableUser(Guid Id) : ICommand<AdminUserDto>;

public sealed class EnableUserHandler(IAppDbContext db, IUserAdministration users) : ICommandHandler<EnableUser, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(EnableUser command, CancellationToken cancellationToken)
    {
        await users.SetDisabledAsync(command.Id, disabled: false, cancellationToken);
        return await AdminUsers.DtoAsync(db, users, command.Id, cancellationToken);
    }
}
