using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using Mediator;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Admin.Users.SetUserRoles;

/// <summary>Replaces an account's roles; a removed role is gone on the user's next request.</summary>
[AuthorizeRequest(Roles = Common.Security.Roles.Admin)]
public sealed record SetUserRoles(Guid Id, IReadOnlyList<string>? Roles) : ICommand<AdminUserDto>;

public sealed class SetUserRolesValidator : AbstractValidator<SetUserRoles>
{
    public SetUserRolesValidator()
    {
        RuleFor(x => x.Roles).ValidRoles();
    }
}

public sealed class SetUserRolesHandler(IAppDbContext db, IUserAdministration users, ICurrentUser user) : ICommandHandler<SetUserRoles, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(SetUserRoles command, CancellationToken cancellationToken)
    {
        if (command.Id == user.RequireId() && !command.Roles!.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            throw M.SelfDemotion.Rule();
        }

        await users.SetRolesAsync(command.Id, [.. command.Roles!.Distinct(StringComparer.Ordinal)], cancellationToken);
        return await AdminUsers.DtoAsync(db, users, command.Id, cancellationToken);
    }
}
