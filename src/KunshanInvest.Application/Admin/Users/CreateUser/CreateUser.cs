using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Admin.Users.CreateUser;

/// <summary>An Admin opens an account; the initial password must be changed at first sign-in (等保: no known password stays usable).</summary>
[AuthorizeRequest(Roles = Common.Security.Roles.Admin)]
public sealed record CreateUser(string? UserName, string? DisplayName, string? Email, IReadOnlyList<string>? Roles, string? Password) : ICommand<AdminUserDto>
{
    public override string ToString() => $"{nameof(CreateUser)} {{ UserName = {UserName}, Password = *** }}";
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(UserFields.UserNameMaxLength)
            .Matches(UserFields.UserNamePattern).WithMsg(M.UserNameFormat);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(UserFields.DisplayNameMaxLength);
        RuleFor(x => x.Email).NotEmpty().MaximumLength(UserFields.EmailMaxLength).EmailAddress();
        RuleFor(x => x.Roles).ValidRoles();
        RuleFor(x => x.Password).TemporaryPassword();
    }
}

public sealed class CreateUserHandler(IAppDbContext db, IUserAdministration users) : ICommandHandler<CreateUser, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        var id = await users.CreateAsync(
            command.UserName!.Trim(), command.DisplayName!.Trim(), command.Email!.Trim(), [.. command.Roles!.Distinct(StringComparer.Ordinal)], command.Password!, cancellationToken);
        return await AdminUsers.DtoAsync(db, users, id, cancellationToken);
    }
}
