using System.Globalization;
using KunshanInvest.Application.Auditing.VerifyAudit;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Commands;

/// <summary>
/// <c>verify-audit</c>: walks the audit hash chain in sequence order, in batches (constant memory), prints the rows
/// checked and either <c>chain intact</c> (exit 0) or the first broken link (exit 1). The run is recorded in the
/// trail, as a verification from the Admin page is. Configuration arguments apply as for the server; like the server's
/// start it applies pending migrations (unless Database:MigrateOnStartup=false) and links entries older than the chain.
/// </summary>
internal sealed class VerifyAuditVerb : IHostVerb
{
    public const int Broken = 1;

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAsync(db, recreateOlderDatabase: false, cancellationToken);
        }

        await AuditChainSealer.SealAsync(db, scope.ServiceProvider.GetRequiredService<SqlDialect>(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        var output = Console.Out;
        var lastReported = 0L;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Checked - lastReported >= 100_000)
            {
                lastReported = p.Checked;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {p.Checked} of {p.Total} rows"));
            }
        });

        // No signed-in user here: the handler is called directly (as SnapshotVerb does), recording "system" as the actor.
        var result = await ActivatorUtilities.CreateInstance<VerifyAuditHandler>(scope.ServiceProvider).Handle(new VerifyAudit(progress), cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.RowsChecked} rows checked (sequence {result.FromSequence}–{result.HeadSequence})"));
        if (result.Break is not { } broken)
        {
            await output.WriteLineAsync("chain intact");
            return 0;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"chain broken at sequence {broken.Sequence}{(broken.EntryId is { } id ? $", entry id {id}" : "")}: {broken.Kind} — {broken.DetailEn}"));
        return Broken;
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; a console command wants its lines in order.</summary>
    private sealed class SynchronousProgress(Action<AuditVerifyProgress> report) : IProgress<AuditVerifyProgress>
    {
        public void Report(AuditVerifyProgress value) => report(value);
    }
}
