using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>Approves a pending organisation or reinstates a suspended one; its members are notified.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ApprovePartner(Guid PartnerId) : ICommand<PartnerSummary>;

public sealed class ApprovePartnerHandler(IAppDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<ApprovePartner, PartnerSummary>
{
    public async ValueTask<PartnerSummary> Handle(ApprovePartner command, CancellationToken cancellationToken) =>
        await PartnerStatusChange.ChangeAsync(db, notifier, clock, command.PartnerId, (p, now) => p.Approve(now), "partner.approved", M.PartnerApprovedNotice, cancellationToken);
}
