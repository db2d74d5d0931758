using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Ledger;

/// <summary>The caller's organisation's own entries (no project codes: those are the bureau's).</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record GetMyLedger : IQuery<IReadOnlyList<LedgerEntry>>;

public sealed class GetMyLedgerHandler(IAppDbContext db, ICurrentUser user, IOptions<PortalOptions> options, TimeProvider clock) : IQueryHandler<GetMyLedger, IReadOnlyList<LedgerEntry>>
{
    public async ValueTask<IReadOnlyList<LedgerEntry>> Handle(GetMyLedger query, CancellationToken cancellationToken)
    {
        var membership = await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken);
        return await LedgerEntries.EntriesAsync(db, options.Value, clock, membership.PartnerId, forPartner: true, cancellationToken);
    }
}
