using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>
/// A manager or admin proposes paying a partner out of its unpaid accrued rewards for the months covered. The amount
/// may not exceed what is accrued, less what is approved, paid or already proposed (422).
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record ProposeRewardPayout(Guid PartnerId, long AmountFen, int PeriodFrom, int PeriodTo, string? Note) : ICommand<RewardPayoutDto>;

public sealed class ProposeRewardPayoutValidator : AbstractValidator<ProposeRewardPayout>
{
    public ProposeRewardPayoutValidator()
    {
        RuleFor(x => x.PartnerId).NotEmpty().WithMsg(M.RewardPartnerUnknown);
        RuleFor(x => x.AmountFen).InclusiveBetween(1, RewardPayout.MaxAmountFen).WithMsg(M.PayoutAmount);
        RuleFor(x => x.PeriodFrom).Must(FigurePeriod.IsWellFormed).WithMsg(M.PayoutPeriod);
        RuleFor(x => x.PeriodTo).Must(FigurePeriod.IsWellFormed).WithMsg(M.PayoutPeriod);
        RuleFor(x => x.PeriodTo).GreaterThanOrEqualTo(x => x.PeriodFrom).WithMsg(M.PayoutPeriod);
        RuleFor(x => x.Note).MaximumLength(RewardPayout.NoteMaxLength).WithMsg(M.PayoutNote);
    }
}

public sealed class ProposeRewardPayoutHandler(IAppDbContext db, ICurrentUser user, IOptions<PortalOptions> options, TimeProvider clock) : ICommandHandler<ProposeRewardPayout, RewardPayoutDto>
{
    public async ValueTask<RewardPayoutDto> Handle(ProposeRewardPayout command, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PartnerId, cancellationToken)
            ?? throw new NotFoundException("Partner", command.PartnerId);
        if (partner.Status != PartnerStatus.Approved)
        {
            throw new DomainRuleException("payout.partner_not_approved", "Payouts go only to approved partners.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (accrued, committed, proposed) = await RewardAccruals.BalanceAsync(db, options.Value, now, partner.Id, cancellationToken);
        PayoutBalance.EnsureWithin(command.AmountFen, accrued - committed - proposed);
        var payout = new RewardPayout(partner.Id, command.AmountFen, command.PeriodFrom, command.PeriodTo, command.Note, user.RequireId(), now);
        db.RewardPayouts.Add(payout);
        await db.SaveChangesAsync(cancellationToken);
        return PayoutBalance.Dto(payout, partner.NameZh);
    }
}
