using FluentValidation;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>
/// Approves a pending organisation or reinstates a suspended one, confirming its type: the registrant's choice is only
/// a suggestion, and the confirmed type sets the first-report reward rate. Its members are notified.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ApprovePartner(Guid PartnerId, PartnerType? Type) : ICommand<PartnerSummary>;

public sealed class ApprovePartnerValidator : AbstractValidator<ApprovePartner>
{
    public ApprovePartnerValidator()
    {
        RuleFor(x => x.Type).NotNull().IsInEnum().WithMsg(M.PartnerType);
    }
}

public sealed class ApprovePartnerHandler(IAppDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<ApprovePartner, PartnerSummary>
{
    public async ValueTask<PartnerSummary> Handle(ApprovePartner command, CancellationToken cancellationToken) =>
        await PartnerStatusChange.ChangeAsync(db, notifier, clock, command.PartnerId, (p, now) => p.Approve(command.Type ?? p.Type, now), "partner.approved", M.PartnerApprovedNotice, cancellationToken);
}
