using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Ledger;

/// <summary>
/// First stamps every held attribution whose project has reached 签约 or a later stage with the time it got there (the
/// freeze: it never lapses after), then every attribution that has lapsed (no stage progress within
/// Portal:AttributionLapseDays) with the time it was found so: two UPDATE statements. Safe to run twice or on two
/// servers at once: only unstamped rows change. The state is derived anyway
/// (<see cref="Domain.Partners.AttributionRules.StateAt"/>); the stamps make it permanent, so a project moving again
/// later does not revive a lapsed attribution. Returns how many lapsed.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RecordAttributionLapses : ICommand<int>;

public sealed class RecordAttributionLapsesHandler(IAppDbContext db, IOptions<PortalOptions> options, TimeProvider clock) : ICommandHandler<RecordAttributionLapses, int>
{
    public async ValueTask<int> Handle(RecordAttributionLapses command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await AttributionQueries.FrozenUnrecorded(db)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FrozenAtUtc, a => db.StageChanges
                .Where(c => c.ProjectId == a.ProjectId && c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity)
                .Min(c => (DateTime?)c.AtUtc)), cancellationToken);
        return await AttributionQueries.LapsedUnrecorded(db, options.Value.AttributionLapseDays, now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LapsedAtUtc, now), cancellationToken);
    }
}
