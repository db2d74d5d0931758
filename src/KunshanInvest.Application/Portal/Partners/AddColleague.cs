using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>The founding member adds a colleague to the same organisation; the colleague changes the initial password at first sign-in.</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record AddColleague(string? UserName, string? DisplayName, string? Email, string? InitialPassword) : ICommand<ColleagueAdded>;

public sealed record ColleagueAdded(Guid UserId);

public sealed class AddColleagueValidator : AbstractValidator<AddColleague>
{
    public AddColleagueValidator() =>
        RuleFor(x => new AccountInput(x.UserName, x.DisplayName, x.Email, x.InitialPassword)).SetValidator(new AccountInputValidator()).OverridePropertyName("");
}

public sealed class AddColleagueHandler(IAppDbContext db, ICurrentUser user, IPartnerAccounts accounts, TimeProvider clock) : ICommandHandler<AddColleague, ColleagueAdded>
{
    public async ValueTask<ColleagueAdded> Handle(AddColleague command, CancellationToken cancellationToken)
    {
        var membership = await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken);
        if (!membership.IsFounder)
        {
            throw new ForbiddenAccessException(M.OnlyFirstUserAddsColleagues);
        }

        var id = await accounts.AddColleagueAsync(membership.PartnerId, new PartnerAccount(command.UserName!.Trim(), command.DisplayName!.Trim(), command.Email!.Trim(), command.InitialPassword!), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new ColleagueAdded(id);
    }
}
