using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;

namespace KunshanInvest.Application.Carriers.CreateParcel;

/// <summary>An admin enters a land parcel (宗地) into the register; its history starts with a Created line.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateParcel(string Code, Guid ParkId, double AreaMu, CarrierUse Use, ParcelStatus Status, long? GuidePriceFenPerMu, string? Note)
    : ICommand<ParcelDto>, IParcelFields;

public sealed class CreateParcelValidator : AbstractValidator<CreateParcel>
{
    public CreateParcelValidator()
    {
        this.AddParcelRules();
        RuleFor(x => x.Status).IsInEnum().WithMsg(M.CarrierStatusUnknown);
    }
}

public sealed class CreateParcelHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateParcel, ParcelDto>
{
    public async ValueTask<ParcelDto> Handle(CreateParcel command, CancellationToken cancellationToken)
    {
        var admin = user.RequireId();
        await CarrierFields.RequireParkAsync(db, command.ParkId, cancellationToken);
        await CarrierFields.RequireFreeCodeAsync(db, command.Code, null, cancellationToken);
        var parcel = new LandParcel(command.Code, command.ParkId, command.AreaMu, command.Use, command.Status, command.GuidePriceFenPerMu, command.Note);
        db.LandParcels.Add(parcel);
        db.CarrierEvents.Add(new CarrierEvent(CarrierKind.Parcel, parcel.Id, CarrierEventKind.Created, null, admin, clock.GetUtcNow().UtcDateTime, null));
        await db.SaveChangesAsync(cancellationToken);
        return (await CarrierReads.ParcelAsync(db, parcel.Id, cancellationToken))!;
    }
}
