using System.Diagnostics;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Applies pending migrations (unless <c>Database:MigrateOnStartup=false</c>) and loads the seeds before the
/// server takes requests: hosted services start before Kestrel listens.
/// </summary>
internal sealed partial class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> database, IOptions<SeedOptions> seed, IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public static readonly ActivitySource Activity = new("KunshanInvest.Database");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("Initialise database");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (database.Value.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(database.Value.Provider, pending.Count);
            }

            // A developer's database from before the squash (ADR 0026) is recreated in Development, refused elsewhere.
            if (await DatabaseMigrator.MigrateAsync(db, recreateOlderDatabase: environment.IsDevelopment(), cancellationToken))
            {
                LogRecreated(database.Value.Provider);
            }
        }

        if (scope.ServiceProvider.GetRequiredService<SqlDialect>().StartupStatement is { } startup)
        {
            await db.Database.ExecuteSqlRawAsync(startup, cancellationToken);
        }

        var sealedRows = await AuditChainSealer.SealAsync(db, scope.ServiceProvider.GetRequiredService<SqlDialect>(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        if (sealedRows > 0)
        {
            LogSealed(sealedRows);
        }

        if (seed.Value.Reference || seed.Value.Demo)
        {
            var report = await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(seed.Value.Demo, cancellationToken);
            LogSeeded(report.TotalAdded, report.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) on {Provider}")]
    private partial void LogMigrating(DatabaseProvider provider, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Provider} database was made before the migrations were squashed (ADR 0026): dropped and created again (Development only)")]
    private partial void LogRecreated(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain: {Rows} entry(ies) written before it existed linked in (once)")]
    private partial void LogSealed(int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed data: {Added} row(s) added — {Report}")]
    private partial void LogSeeded(int added, string report);
}
