using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>The caller's organisation's own accruals, payouts and balance; scoped by its id in SQL, so no other partner's row can appear.</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record GetMyRewards : IQuery<RewardLedgerView>;

public sealed class GetMyRewardsHandler(IAppDbContext db, ICurrentUser user, IOptions<PortalOptions> options, TimeProvider clock) : IQueryHandler<GetMyRewards, RewardLedgerView>
{
    public async ValueTask<RewardLedgerView> Handle(GetMyRewards query, CancellationToken cancellationToken)
    {
        var membership = await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken);
        return await RewardAccruals.ViewAsync(db, options.Value, clock.GetUtcNow().UtcDateTime, membership.PartnerId, forPartner: true, cancellationToken);
    }
}
