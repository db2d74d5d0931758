using KunshanInvest.Application.Common.Messages;
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
            ?? throw new ForbiddenAccessException(M.PartnerNoOrganisation);
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == membership.PartnerId, cancellationToken);
        var members = await accounts.MembersAsync(membership.PartnerId, cancellationToken);
        return new MyPartnerDto(partner.Id, partner.NameZh, partner.NameEn, partner.Type, partner.Country, partner.Status, membership.IsFounder, members);
    }
}
