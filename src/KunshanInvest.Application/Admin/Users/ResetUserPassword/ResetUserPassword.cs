using FluentValidation;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.Admin.Users.ResetUserPassword;

/// <summary>
/// Sets a temporary password the admin hands over; the user must change it at next sign-in, and every session the
/// account holds ends (the password is never logged or audited in clear).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ResetUserPassword(Guid Id, string? Password) : ICommand
{
    public override string ToString() => $"{nameof(ResetUserPassword)} {{ Id = {Id}, Password = *** }}";
}

public sealed class ResetUserPasswordValidator : AbstractValidator<ResetUserPassword>
{
    public ResetUserPasswordValidator()
    {
        RuleFor(x => x.Password).TemporaryPassword();
    }
}

public sealed class ResetUserPasswordHandler(IUserAdministration users) : ICommandHandler<ResetUserPassword>
{
    public async ValueTask<Mediator.Unit> Handle(ResetUserPassword command, CancellationToken cancellationToken)
    {
        await users.ResetPasswordAsync(command.Id, command.Password!, cancellationToken);
        return Mediator.Unit.Value;
    }
}
