using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;

namespace KunshanInvest.Application.Carriers.CreatePremises;

/// <summary>An admin enters premises (标准厂房 / 办公) into the register; one entry per park and building.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreatePremises(
    Guid ParkId, string Building, PremisesKind Kind, double AreaM2, double VacantM2, double? FloorLoadKnPerM2, int Floors, long? RentFenPerM2Month, string? Note)
    : ICommand<PremisesDto>, IPremisesFields;

public sealed class CreatePremisesValidator : AbstractValidator<CreatePremises>
{
    public CreatePremisesValidator() => this.AddPremisesRules();
}

public sealed class CreatePremisesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreatePremises, PremisesDto>
{
    public async ValueTask<PremisesDto> Handle(CreatePremises command, CancellationToken cancellationToken)
    {
        var admin = user.RequireId();
        await CarrierFields.RequireParkAsync(db, command.ParkId, cancellationToken);
        await CarrierFields.RequireFreeBuildingAsync(db, command.ParkId, command.Building, null, cancellationToken);
        var premises = new Premises(
            command.ParkId, command.Building, command.Kind, command.AreaM2, command.VacantM2, command.FloorLoadKnPerM2, command.Floors, command.RentFenPerM2Month, command.Note);
        db.Premises.Add(premises);
        db.CarrierEvents.Add(new CarrierEvent(CarrierKind.Premises, premises.Id, CarrierEventKind.Created, null, admin, clock.GetUtcNow().UtcDateTime, null));
        await db.SaveChangesAsync(cancellationToken);
        return (await CarrierReads.PremisesAsync(db, premises.Id, cancellationToken))!;
    }
}
