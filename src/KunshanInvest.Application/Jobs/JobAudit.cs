using System.Globalization;
using System.Text.Json;
using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Auditing;

namespace KunshanInvest.Application.Jobs;

/// <summary>
/// The sweeps write with set-based SQL the auditing interceptor does not see: a run that changed something is
/// recorded instead, as one audit row naming the job, the period and the count (one more statement, whatever the count).
/// </summary>
internal static class JobAudit
{
    public static async Task RecordAsync(IAppDbContext db, string job, string period, int effects, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (effects == 0)
        {
            return;
        }

        var changes = JsonSerializer.Serialize(new[] { new { Field = "Effects", Old = (string?)null, New = effects.ToString(CultureInfo.InvariantCulture) } });
        db.AuditEntries.Add(new AuditEntry(nowUtc, null, "system", "Job:" + job, period, AuditAction.Created, changes));
        await db.SaveChangesAsync(cancellationToken);
    }
}
