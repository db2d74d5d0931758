using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers.UpdatePremises;

/// <summary>An admin corrects premises' register entry — area, vacancy, structure, rent (If-Match).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdatePremises(
    Guid Id, int Version, Guid ParkId, string Building, PremisesKind Kind, double AreaM2, double VacantM2, double? FloorLoadKnPerM2, int Floors, long? RentFenPerM2Month, string? Note)
    : ICommand<PremisesDto>, IPremisesFields;

public sealed class UpdatePremisesValidator : AbstractValidator<UpdatePremises>
{
    public UpdatePremisesValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddPremisesRules();
    }
}

public sealed class UpdatePremisesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdatePremises, PremisesDto>
{
    public async ValueTask<PremisesDto> Handle(UpdatePremises command, CancellationToken cancellationToken)
    {
        var admin = user.RequireId();
        var premises = await db.Premises.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Premises), command.Id);
        CarrierFields.RequireVersion(db, premises, command.Version, CarrierFields.PremisesWord);
        await CarrierFields.RequireParkAsync(db, command.ParkId, cancellationToken);
        await CarrierFields.RequireFreeBuildingAsync(db, command.ParkId, command.Building, premises.Id, cancellationToken);
        premises.Describe(
            command.ParkId, command.Building, command.Kind, command.AreaM2, command.VacantM2, command.FloorLoadKnPerM2, command.Floors, command.RentFenPerM2Month, command.Note);
        db.CarrierEvents.Add(new CarrierEvent(CarrierKind.Premises, premises.Id, CarrierEventKind.Updated, null, admin, clock.GetUtcNow().UtcDateTime, null));
        await db.SaveChangesAsync(cancellationToken);
        return (await CarrierReads.PremisesAsync(db, premises.Id, cancellationToken))!;
    }
}
