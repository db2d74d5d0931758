using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.CarrierMatching.ReleaseCarrier;

/// <summary>
/// Gives back the carrier a project holds (the project's owner or a manager), with an optional note; the carrier's
/// Released history line is written in the same save. A project holding nothing is a 409.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ReleaseCarrier(Guid ProjectId, string? Note = null) : ICommand;

public sealed class ReleaseCarrierValidator : AbstractValidator<ReleaseCarrier>
{
    public ReleaseCarrierValidator() => RuleFor(x => x.Note).MaximumLength(CarrierEvent.NoteMaxLength);
}

public sealed class ReleaseCarrierHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReleaseCarrier>
{
    public async ValueTask<Unit> Handle(ReleaseCarrier command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.RequireId();
        var parcel = await db.LandParcels.FirstOrDefaultAsync(p => p.ReservedForProjectId == project.Id, cancellationToken);
        if (parcel is not null)
        {
            db.CarrierEvents.Add(parcel.Release(userId, now, command.Note));
        }
        else
        {
            var premises = await db.Premises.FirstOrDefaultAsync(p => p.ReservedForProjectId == project.Id, cancellationToken)
                ?? throw new DomainConflictException(M.MatchingNoReservation.Code, "The project holds no carrier.");
            db.CarrierEvents.Add(premises.Release(userId, now, command.Note));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
