using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reports;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Bench.Reports;

/// <summary>
/// What the reports read beyond the generator's data, added to the benchmark database once (each step only when its
/// table holds none yet), outside the generator's determinism contract:
/// <list type="bullet">
/// <item>this year's targets: one per metric for the zone, 签约项目数 for three sectors, 签约投资额 for two officers,
/// 到位资金 for one park (the target-progress report rolls each up);</item>
/// <item>pipeline snapshots: every month-end of this year so far rebuilt from the stage history, and today's (the trend);</item>
/// <item>event signings: signed projects whose code ends in digit <i>i</i> linked to the <i>i</i>-th event of the
/// reference seed (the event report).</item>
/// </list>
/// </summary>
public static class ReportData
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Done = [];

    public static void Ensure(BenchHost host, string connectionString)
    {
        lock (Gate)
        {
            if (Done.Add(connectionString))
            {
                EnsureAsync(host).GetAwaiter().GetResult();
            }
        }
    }

    private static async Task EnsureAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var today = BureauCalendar.DateOf(now);

        if (!await db.Targets.AnyAsync(t => t.Year == today.Year))
        {
            foreach (var metric in Enum.GetValues<TargetMetric>())
            {
                db.Targets.Add(new Target(today.Year, metric, metric switch
                {
                    TargetMetric.SignedProjects => 12_000,
                    TargetMetric.MajorProjects => 1_500,
                    TargetMetric.Jobs => 400_000,
                    _ => 50_000_000_000_000,
                }));
            }

            foreach (var sector in await db.Sectors.OrderBy(s => s.Code).Select(s => s.Id).Take(3).ToListAsync())
            {
                db.Targets.Add(new Target(today.Year, TargetMetric.SignedProjects, 1_000, sectorId: sector));
            }

            foreach (var officer in await db.Users.Where(u => u.UserName!.StartsWith("synth-officer-")).OrderBy(u => u.UserName).Select(u => u.Id).Take(2).ToListAsync())
            {
                db.Targets.Add(new Target(today.Year, TargetMetric.SignedInvestment, 1_000_000_000_000, officerId: officer));
            }

            foreach (var park in await db.Parks.OrderBy(p => p.Code).Select(p => p.Id).Take(1).ToListAsync())
            {
                db.Targets.Add(new Target(today.Year, TargetMetric.FundsInPlace, 5_000_000_000_000, parkId: park));
            }

            await db.SaveChangesAsync();
            Console.WriteLine("// Report data: this year's targets added.");
        }

        if (!await db.PipelineSnapshots.AnyAsync())
        {
            var sql = new ReportSql(db, scope.ServiceProvider.GetRequiredService<SqlDialect>());
            for (var month = 1; month < today.Month; month++)
            {
                var monthEnd = new DateOnly(today.Year, month, 1).AddMonths(1).AddDays(-1);
                await sql.BackfillSnapshotAsync(monthEnd, BureauCalendar.ToUtc(monthEnd.AddDays(1), TimeOnly.MinValue), now, CancellationToken.None);
            }

            await sql.TakeSnapshotAsync(today, now, CancellationToken.None);
            Console.WriteLine($"// Report data: {today.Month} pipeline snapshots written.");
        }

        if (!await db.Projects.AnyAsync(p => p.EventId != null))
        {
            var events = await db.Events.OrderBy(e => e.StartsOn).ThenBy(e => e.Code).Select(e => e.Id).Take(10).ToListAsync();
            var linked = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var eventId = events[i];
                var pattern = $"%{i}";
                linked += await db.Projects
                    .Where(p => p.EventId == null && p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity && EF.Functions.Like(p.Code, pattern))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.EventId, eventId));
            }

            Console.WriteLine($"// Report data: {linked:N0} signed projects linked to {events.Count} events.");
            if (db.Database.IsNpgsql())
            {
                // As the generator does after its COPY: without fresh statistics PostgreSQL estimated one linked
                // project, not 9,159, and planned the event report's join badly.
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }
    }
}
