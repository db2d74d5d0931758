using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>The money has left: an approved payout is marked paid with the payment's reference (a second time is 409).</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record MarkRewardPayoutPaid(Guid PayoutId, string? Reference) : ICommand<RewardPayoutDto>;

public sealed class MarkRewardPayoutPaidValidator : AbstractValidator<MarkRewardPayoutPaid>
{
    public MarkRewardPayoutPaidValidator()
    {
        RuleFor(x => x.Reference).NotEmpty().MaximumLength(RewardPayout.ReferenceMaxLength).WithMsg(M.PayoutReference);
    }
}

public sealed class MarkRewardPayoutPaidHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkRewardPayoutPaid, RewardPayoutDto>
{
    public async ValueTask<RewardPayoutDto> Handle(MarkRewardPayoutPaid command, CancellationToken cancellationToken)
    {
        var payout = await db.RewardPayouts.SingleOrDefaultAsync(p => p.Id == command.PayoutId, cancellationToken)
            ?? throw new NotFoundException("RewardPayout", command.PayoutId);
        payout.MarkPaid(command.Reference ?? "", user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == payout.PartnerId).Select(p => p.NameZh).SingleAsync(cancellationToken);
        return PayoutBalance.Dto(payout, name);
    }
}
