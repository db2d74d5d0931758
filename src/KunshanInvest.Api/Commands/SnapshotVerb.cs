using KunshanInvest.Application.Reports.TakePipelineSnapshot;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Commands;

/// <summary>
/// <c>snapshot</c>: takes today's pipeline snapshot (the trend report's daily row set) and exits. Configuration
/// arguments (<c>--Database:Provider …</c>) apply as for the server.
/// </summary>
internal sealed partial class SnapshotVerb : IHostVerb
{
    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var scoped = scope.ServiceProvider;
        if (scoped.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAsync(scoped.GetRequiredService<AppDbContext>(), recreateOlderDatabase: false, cancellationToken);
        }

        // A job without a signed-in user: the handler is called directly, as the daily job does, not through the
        // mediator's authorisation (which the Admin API goes through).
        var taken = await ActivatorUtilities.CreateInstance<TakePipelineSnapshotHandler>(scoped).Handle(new TakePipelineSnapshot(), cancellationToken);
        LogSnapshot(scoped.GetRequiredService<ILogger<SnapshotVerb>>(), taken.Day, taken.Rows);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline snapshot of {Day:yyyy-MM-dd} taken: {Rows} row(s)")]
    private static partial void LogSnapshot(ILogger logger, DateOnly day, int rows);
}
