using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>The caller's organisation and its members. Pending and suspended members may read it (to see why they wait).</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record GetMyPartner : IQuery<MyPartnerDto>;

public sealed record MyPartnerDto(Guid Id, string NameZh, string? NameEn, PartnerType Type, string Country, PartnerStatus Status, bool IsFounder, IReadOnlyList<ColleagueDto> Members);

public sealed record ColleagueDto(Guid UserId, string UserName, string DisplayName, bool IsFounder, DateTime JoinedAtUtc);

public sealed class GetMyPartnerHandler(IAppDbContext db, ICurrentUser user, IPartnerAccounts accounts) : IQueryHandler<GetMyPartner, MyPartnerDto>
{
    public async ValueTask<MyPartnerDto> Handle(GetMyPartner query, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var membership = await PartnerAccess.FindAsync(db, me, cancellationToken)
            ?? throw new ForbiddenAccessException("该账户不属于任何合作机构 / This account belongs to no partner organisation.");
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == membership.PartnerId, cancellationToken);
        var members = await accounts.MembersAsync(membership.PartnerId, cancellationToken);
        return new MyPartnerDto(partner.Id, partner.NameZh, partner.NameEn, partner.Type, partner.Country, partner.Status, membership.IsFounder, members);
    }
}

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
            throw new ForbiddenAccessException("只有机构的首位用户可以添加同事 / Only the organisation's first user may add colleagues.");
        }

        var id = await accounts.AddColleagueAsync(membership.PartnerId, new PartnerAccount(command.UserName!.Trim(), command.DisplayName!.Trim(), command.Email!.Trim(), command.InitialPassword!), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new ColleagueAdded(id);
    }
}
