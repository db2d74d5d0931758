using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers.UpdateParcel;

/// <summary>An admin corrects a parcel's register entry (If-Match); the status has its own use case (<c>SetParcelStatus</c>).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateParcel(Guid Id, int Version, string Code, Guid ParkId, double AreaMu, CarrierUse Use, long? GuidePriceFenPerMu, string? Note)
    : ICommand<ParcelDto>, IParcelFields;

public sealed class UpdateParcelValidator : AbstractValidator<UpdateParcel>
{
    public UpdateParcelValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddParcelRules();
    }
}

public sealed class UpdateParcelHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateParcel, ParcelDto>
{
    public async ValueTask<ParcelDto> Handle(UpdateParcel command, CancellationToken cancellationToken)
    {
        var admin = user.RequireId();
        var parcel = await db.LandParcels.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(LandParcel), command.Id);
        CarrierFields.RequireVersion(db, parcel, command.Version, CarrierFields.Parcel);
        await CarrierFields.RequireParkAsync(db, command.ParkId, cancellationToken);
        await CarrierFields.RequireFreeCodeAsync(db, command.Code, parcel.Id, cancellationToken);
        parcel.Recode(command.Code);
        parcel.Describe(command.ParkId, command.AreaMu, command.Use, command.GuidePriceFenPerMu, command.Note);
        db.CarrierEvents.Add(new CarrierEvent(CarrierKind.Parcel, parcel.Id, CarrierEventKind.Updated, null, admin, clock.GetUtcNow().UtcDateTime, null));
        await db.SaveChangesAsync(cancellationToken);
        return (await CarrierReads.ParcelAsync(db, parcel.Id, cancellationToken))!;
    }
}
