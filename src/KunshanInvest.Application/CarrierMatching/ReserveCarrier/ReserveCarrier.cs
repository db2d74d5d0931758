using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.CarrierMatching.ReserveCarrier;

/// <summary>
/// Holds an available parcel or premises for a project before 供地 (the project's owner or a manager). One project per
/// carrier and one carrier per project: a carrier reserved for another project, or a project already holding another,
/// is a 409; of two reservations of one carrier at once, the carrier's version lets one win and the other 409. The
/// carrier's Reserved history line is written in the same save.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ReserveCarrier(Guid ProjectId, CarrierKind Kind, Guid CarrierId) : ICommand<CarrierHeld>;

public sealed class ReserveCarrierValidator : AbstractValidator<ReserveCarrier>
{
    public ReserveCarrierValidator() => RuleFor(x => x.Kind).IsInEnum();
}

public sealed class ReserveCarrierHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReserveCarrier, CarrierHeld>
{
    public async ValueTask<CarrierHeld> Handle(ReserveCarrier command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, null, cancellationToken);
        if (!CarrierFit.MayReserve(project.Stage))
        {
            throw new DomainRuleException(M.MatchingPastLand.Code, "Only a project in the pipeline before 供地 may reserve a carrier.");
        }

        var (held, supplied) = await CarrierHoldings.OfAsync(db, project.Id, cancellationToken);
        if (supplied is not null)
        {
            throw new DomainRuleException(M.MatchingPastLand.Code, "The project has its carrier already.");
        }

        if (held is not null)
        {
            return held.Kind == command.Kind && held.Id == command.CarrierId
                ? held
                : throw new DomainConflictException(M.MatchingProjectHasReservation.Code, "The project already holds another carrier.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.RequireId();
        if (command.Kind == CarrierKind.Parcel)
        {
            var parcel = await db.LandParcels.SingleOrDefaultAsync(p => p.Id == command.CarrierId, cancellationToken)
                ?? throw new NotFoundException(nameof(LandParcel), command.CarrierId);
            db.CarrierEvents.Add(parcel.Reserve(project.Id, userId, now));
        }
        else
        {
            var premises = await db.Premises.SingleOrDefaultAsync(p => p.Id == command.CarrierId, cancellationToken)
                ?? throw new NotFoundException(nameof(Premises), command.CarrierId);
            db.CarrierEvents.Add(premises.Reserve(project.Id, userId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await CarrierHoldings.OfAsync(db, project.Id, cancellationToken)).Reservation!;
    }
}
