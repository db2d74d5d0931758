using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;

namespace KunshanInvest.Application.Carriers.GetPremises;

/// <summary>Premises' page: the entry with park and project names, and the history newest first — two statements.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetPremises(Guid Id) : IQuery<PremisesPage>;

public sealed class GetPremisesHandler(IAppDbContext db) : IQueryHandler<GetPremises, PremisesPage>
{
    public async ValueTask<PremisesPage> Handle(GetPremises query, CancellationToken cancellationToken)
    {
        var premises = await CarrierReads.PremisesAsync(db, query.Id, cancellationToken) ?? throw new NotFoundException(nameof(Premises), query.Id);
        return new PremisesPage(premises, await CarrierReads.HistoryAsync(db, CarrierKind.Premises, query.Id, cancellationToken));
    }
}
