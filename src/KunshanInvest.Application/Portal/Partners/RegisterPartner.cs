using FluentValidation;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Partners;
using Mediator;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>Self-registration: an organisation and its first user. The organisation waits (Pending) for an administrator.</summary>
[AnonymousRequest]
public sealed record RegisterPartner(
    string? NameZh,
    string? NameEn,
    PartnerType Type,
    string? Country,
    string? UserName,
    string? DisplayName,
    string? Email,
    string? Password) : ICommand<PartnerRegistered>;

public sealed record PartnerRegistered(Guid PartnerId, Guid UserId, PartnerStatus Status);

public sealed class RegisterPartnerValidator : AbstractValidator<RegisterPartner>
{
    public RegisterPartnerValidator()
    {
        RuleFor(x => x.NameZh).NotEmpty().WithMsg(M.PartnerNameZh)
            .MaximumLength(Partner.NameMaxLength);
        RuleFor(x => x.NameEn).MaximumLength(Partner.NameMaxLength);
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMsg(M.CountryCode);
        RuleFor(x => new AccountInput(x.UserName, x.DisplayName, x.Email, x.Password)).SetValidator(new AccountInputValidator()).OverridePropertyName("");
    }
}

/// <summary>The account fields shared by registration and adding a colleague.</summary>
public sealed record AccountInput(string? UserName, string? DisplayName, string? Email, string? Password);

public sealed class AccountInputValidator : AbstractValidator<AccountInput>
{
    public AccountInputValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(UserFields.UserNameMaxLength).Matches(UserFields.UserNamePattern)
            .WithMsg(M.PartnerUserName);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(UserFields.DisplayNameMaxLength);
        RuleFor(x => x.Email).NotEmpty().MaximumLength(UserFields.EmailMaxLength).EmailAddress();
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed class RegisterPartnerHandler(IPartnerAccounts accounts, TimeProvider clock) : ICommandHandler<RegisterPartner, PartnerRegistered>
{
    public async ValueTask<PartnerRegistered> Handle(RegisterPartner command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var partner = new Partner(command.NameZh!, command.NameEn, command.Type, command.Country!, now);
        var userId = await accounts.RegisterAsync(partner, new PartnerAccount(command.UserName!.Trim(), command.DisplayName!.Trim(), command.Email!.Trim(), command.Password!), now, cancellationToken);
        return new PartnerRegistered(partner.Id, userId, partner.Status);
    }
}
