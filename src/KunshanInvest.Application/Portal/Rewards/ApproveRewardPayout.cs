using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>
/// A manager approves a proposed payout if it is still within the unpaid balance (422 otherwise). The partner's running
/// total of approved payouts changes in the same save, so of two approvals racing for one partner the second fails on
/// the partner's version (409) instead of both passing the balance check.
/// </summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record ApproveRewardPayout(Guid PayoutId) : ICommand<RewardPayoutDto>;

public sealed class ApproveRewardPayoutHandler(IAppDbContext db, ICurrentUser user, IOptions<PortalOptions> options, TimeProvider clock) : ICommandHandler<ApproveRewardPayout, RewardPayoutDto>
{
    public async ValueTask<RewardPayoutDto> Handle(ApproveRewardPayout command, CancellationToken cancellationToken)
    {
        var payout = await db.RewardPayouts.SingleOrDefaultAsync(p => p.Id == command.PayoutId, cancellationToken)
            ?? throw new NotFoundException("RewardPayout", command.PayoutId);
        var partner = await db.Partners.SingleAsync(p => p.Id == payout.PartnerId, cancellationToken);
        if (partner.Status != PartnerStatus.Approved)
        {
            throw new DomainRuleException("payout.partner_not_approved", "Payouts go only to approved partners.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        payout.Approve(user.RequireId(), now);
        var (accrued, committed, _) = await RewardAccruals.BalanceAsync(db, options.Value, now, partner.Id, cancellationToken, payout.Id);
        PayoutBalance.EnsureWithin(payout.AmountFen, accrued - committed);
        partner.RecordPayoutApproved(payout.AmountFen);
        await db.SaveChangesAsync(cancellationToken);
        return PayoutBalance.Dto(payout, partner.NameZh);
    }
}
