using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>首报奖励台账 for managers and admins: each partner's balance, the newest accruals and payouts (optionally one partner's).</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record GetRewardLedger(Guid? PartnerId = null) : IQuery<RewardLedgerView>;

public sealed class GetRewardLedgerHandler(IAppDbContext db, IOptions<PortalOptions> options, TimeProvider clock) : IQueryHandler<GetRewardLedger, RewardLedgerView>
{
    public async ValueTask<RewardLedgerView> Handle(GetRewardLedger query, CancellationToken cancellationToken) =>
        await RewardAccruals.ViewAsync(db, options.Value, clock.GetUtcNow().UtcDateTime, query.PartnerId, forPartner: false, cancellationToken);
}
