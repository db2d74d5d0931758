using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Ledger;

/// <summary>
/// Stamps every attribution that has lapsed (no stage progress within Portal:AttributionLapseDays) with the time it
/// was found so, in one UPDATE statement. Safe to run twice or on two servers at once: only unstamped rows change.
/// The state is derived anyway (<see cref="Domain.Partners.AttributionRules.StateAt"/>); the stamp makes it permanent, so a project
/// moving again later does not revive a lapsed attribution. The jobs issue schedules it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RecordAttributionLapses : ICommand<int>;

public sealed class RecordAttributionLapsesHandler(IAppDbContext db, IOptions<PortalOptions> options, TimeProvider clock) : ICommandHandler<RecordAttributionLapses, int>
{
    public async ValueTask<int> Handle(RecordAttributionLapses command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await AttributionQueries.LapsedUnrecorded(db, options.Value.AttributionLapseDays, now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LapsedAtUtc, now), cancellationToken);
    }
}
