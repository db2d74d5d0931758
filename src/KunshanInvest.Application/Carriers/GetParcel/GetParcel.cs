using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;

namespace KunshanInvest.Application.Carriers.GetParcel;

/// <summary>A parcel's page: its entry with park and project names, and its history newest first — two statements.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetParcel(Guid Id) : IQuery<ParcelPage>;

public sealed class GetParcelHandler(IAppDbContext db) : IQueryHandler<GetParcel, ParcelPage>
{
    public async ValueTask<ParcelPage> Handle(GetParcel query, CancellationToken cancellationToken)
    {
        var parcel = await CarrierReads.ParcelAsync(db, query.Id, cancellationToken) ?? throw new NotFoundException(nameof(LandParcel), query.Id);
        return new ParcelPage(parcel, await CarrierReads.HistoryAsync(db, CarrierKind.Parcel, query.Id, cancellationToken));
    }
}
