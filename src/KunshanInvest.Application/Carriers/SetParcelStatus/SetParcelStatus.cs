using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers.SetParcelStatus;

/// <summary>
/// An admin moves a parcel between 储备, 可供 and 已出让 (If-Match). Leaving 可供 drops a reservation; a parcel supplied to a
/// project stays 已出让 (409). The history line's note says "Old→New" by the enum's names, so each reader sees it in their
/// language.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SetParcelStatus(Guid Id, int Version, ParcelStatus Status, string? Note) : ICommand<ParcelDto>
{
    public const int NoteMaxLength = 200;
}

public sealed class SetParcelStatusValidator : AbstractValidator<SetParcelStatus>
{
    public SetParcelStatusValidator()
    {
        RuleFor(x => x.Note).MaximumLength(SetParcelStatus.NoteMaxLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Status).IsInEnum().WithMsg(M.CarrierStatusUnknown);
    }
}

public sealed class SetParcelStatusHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetParcelStatus, ParcelDto>
{
    public async ValueTask<ParcelDto> Handle(SetParcelStatus command, CancellationToken cancellationToken)
    {
        var admin = user.RequireId();
        var parcel = await db.LandParcels.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(LandParcel), command.Id);
        CarrierFields.RequireVersion(db, parcel, command.Version, CarrierFields.Parcel);
        var from = parcel.Status;
        if (from != command.Status)
        {
            parcel.SetStatus(command.Status);
            db.CarrierEvents.Add(new CarrierEvent(
                CarrierKind.Parcel, parcel.Id, CarrierEventKind.StatusChanged, null, admin, clock.GetUtcNow().UtcDateTime,
                CarrierStatusNote.Of(from, command.Status, command.Note)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await CarrierReads.ParcelAsync(db, parcel.Id, cancellationToken))!;
    }
}
