using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>Suspends an organisation: its members cannot sign in, and open sessions lose their roles on the next request.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SuspendPartner(Guid PartnerId, string? Note) : ICommand<PartnerSummary>;

public sealed class SuspendPartnerValidator : AbstractValidator<SuspendPartner>
{
    public SuspendPartnerValidator() => RuleFor(x => x.Note).MaximumLength(Partner.NoteMaxLength);
}

public sealed class SuspendPartnerHandler(IAppDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<SuspendPartner, PartnerSummary>
{
    public async ValueTask<PartnerSummary> Handle(SuspendPartner command, CancellationToken cancellationToken) =>
        await PartnerStatusChange.ChangeAsync(db, notifier, clock, command.PartnerId, (p, now) => p.Suspend(command.Note, now), "partner.suspended", M.PartnerSuspendedNotice, cancellationToken);
}
