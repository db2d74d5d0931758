using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Ledger;

/// <summary>The whole ledger for managers and admins, optionally for one partner, newest first (at most 500 rows).</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record GetLedger(Guid? PartnerId = null) : IQuery<IReadOnlyList<LedgerEntry>>;

public sealed class GetLedgerHandler(IAppDbContext db, IOptions<PortalOptions> options, TimeProvider clock) : IQueryHandler<GetLedger, IReadOnlyList<LedgerEntry>>
{
    public async ValueTask<IReadOnlyList<LedgerEntry>> Handle(GetLedger query, CancellationToken cancellationToken) =>
        await LedgerEntries.EntriesAsync(db, options.Value, clock, query.PartnerId, forPartner: false, cancellationToken);
}
