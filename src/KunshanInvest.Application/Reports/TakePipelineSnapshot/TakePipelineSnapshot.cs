using System.Globalization;
using System.Text.Json;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Reports;
using Mediator;

namespace KunshanInvest.Application.Reports.TakePipelineSnapshot;

/// <summary>
/// Takes today's (Kunshan) pipeline snapshot: the day's rows are replaced by the pipeline as it stands now, in one
/// DELETE and one INSERT … SELECT in a transaction, so running it twice a day leaves one snapshot, and its cost does
/// not grow with the number of projects. Admins send it through the API; the <c>snapshot</c> command line verb and
/// the daily job call the handler directly (they have no signed-in user, and are recorded as "system").
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record TakePipelineSnapshot : ICommand<SnapshotTaken>;

public sealed record SnapshotTaken(DateOnly Day, int Rows, DateTime TakenAtUtc);

public sealed class TakePipelineSnapshotHandler(IReportSql sql, IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<TakePipelineSnapshot, SnapshotTaken>
{
    public async ValueTask<SnapshotTaken> Handle(TakePipelineSnapshot command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = BureauCalendar.DateOf(now);
        var rows = await sql.TakeSnapshotAsync(day, now, cancellationToken);

        // The rows are written by SQL the audit interceptor does not see: the run itself is recorded instead.
        var changes = JsonSerializer.Serialize(new[] { new { Field = "Rows", Old = (string?)null, New = rows.ToString(CultureInfo.InvariantCulture) } });
        db.AuditEntries.Add(new AuditEntry(
            now, user.Id, user.IsAuthenticated ? user.UserName ?? "?" : "system", nameof(PipelineSnapshot),
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AuditAction.Created, changes));
        await db.SaveChangesAsync(cancellationToken);
        return new SnapshotTaken(day, rows, now);
    }
}
