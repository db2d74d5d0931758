using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Application.Jobs.EscalateStalledProjects;
using KunshanInvest.Application.Jobs.FlagStaleProjects;
using KunshanInvest.Application.Jobs.SendFollowUpReminders;
using KunshanInvest.Application.Jobs.TriageSubmissions;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Bench;

/// <summary>
/// The jobs' sweeps over the whole synthetic database (issue 6: each within 2 s at 100k projects). Every iteration
/// starts from unswept data — the stamps cleared and the jobs' notices and e-mails deleted — so each measures a real
/// first run (claim UPDATE, INSERT … SELECT of the notices and of the outbox rows, audit row, commit), not the
/// "nothing to do" repeat. On SQLite this class works on its own copy of the cached database. The 六未 escalation has a
/// hand-written SQL baseline, checked against the handler before anything is measured (JobSweepBenchmarks.Escalation.cs).
/// </summary>
public partial class JobSweepBenchmarks : HandlerBenchmark
{
    private static readonly string Copy = Path.Combine(Path.GetDirectoryName(BenchDatabase.SqliteFile)!, "job-sweeps-copy.db");
    private static bool _copied;

    protected override string ConnectionString => IsSqlite ? $"Data Source={Copy}" : base.ConnectionString;

    protected override void BeforeOpen()
    {
        if (IsSqlite && !_copied)
        {
            File.Copy(BenchDatabase.SqliteFile, Copy, overwrite: true);
            _copied = true;
        }
    }

    [IterationSetup]
    public void Reset()
    {
        foreach (var sql in new[]
        {
            "DELETE FROM \"OutboxEmails\"",
            "DELETE FROM \"Notifications\" WHERE \"Period\" IS NOT NULL",
            "UPDATE \"FollowUps\" SET \"RemindedOn\" = NULL WHERE \"RemindedOn\" IS NOT NULL",
            "UPDATE \"Projects\" SET \"StaleFlaggedAtUtc\" = NULL, \"EscalationLevel\" = 0, \"EscalatedAtUtc\" = NULL, \"EscalatedStageEnteredAtUtc\" = NULL WHERE \"StaleFlaggedAtUtc\" IS NOT NULL OR \"EscalatedAtUtc\" IS NOT NULL",
        })
        {
            using var command = Command(sql);
            command.ExecuteNonQuery();
        }

        if (!IsSqlite)
        {
            // The reset deletes and rewrites tens of thousands of rows per iteration; on PostgreSQL they stay behind as
            // dead tuples until autovacuum passes, and the next sweep's "not notified yet" checks wade through them: a
            // run took 1 s for the first two iterations, then 13-19 s, on both sides. A real sweep runs once a day on a
            // vacuumed table, so each iteration starts from one (not measured: this is the iteration's setup).
            using var vacuum = Command("VACUUM ANALYZE \"Notifications\", \"OutboxEmails\", \"Projects\", \"FollowUps\"");
            vacuum.CommandTimeout = 600;
            vacuum.ExecuteNonQuery();
        }
    }

    [Benchmark, BenchmarkCategory("sweep: follow-up reminders")]
    public Task<int> Reminders() => RunAsync<SendFollowUpRemindersHandler>(h => h.Handle(new SendFollowUpReminders(), CancellationToken.None));

    [Benchmark, BenchmarkCategory("sweep: stale projects")]
    public Task<int> Stale() => RunAsync<FlagStaleProjectsHandler>(h => h.Handle(new FlagStaleProjects(), CancellationToken.None));

    [Benchmark, BenchmarkCategory("sweep: 六未 escalation")]
    public Task<int> Escalation() => RunAsync<EscalateStalledProjectsHandler>(h => h.Handle(new EscalateStalledProjects(), CancellationToken.None));

    [Benchmark, BenchmarkCategory("sweep: submission triage")]
    public Task<int> Triage() => RunAsync<TriageSubmissionsHandler>(h => h.Handle(new TriageSubmissions(), CancellationToken.None));

    private async Task<int> RunAsync<THandler>(Func<THandler, ValueTask<JobResult>> run)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var result = await run(ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider));
        return result.Effects;
    }
}
