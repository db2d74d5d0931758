using KunshanInvest.Application.Reports.TakePipelineSnapshot;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api;

/// <summary>
/// Verbs that do one thing and exit instead of serving: <c>dotnet run --project src/KunshanInvest.Api -- snapshot</c>
/// takes today's pipeline snapshot. Configuration arguments (<c>--Database:Provider …</c>) apply as for the server.
/// </summary>
internal static partial class CommandLine
{
    /// <summary>Runs the verb named by the first argument, if any; false when there is none and the app should serve.</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "snapshot")
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await services.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }

        // A job without a signed-in user: the handler is called directly, as the daily job will, not through the
        // mediator's authorisation (which the Admin API goes through).
        var taken = await ActivatorUtilities.CreateInstance<TakePipelineSnapshotHandler>(services).Handle(new TakePipelineSnapshot(), CancellationToken.None);
        LogSnapshot(services.GetRequiredService<ILogger<WebApplication>>(), taken.Day, taken.Rows);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline snapshot of {Day:yyyy-MM-dd} taken: {Rows} row(s)")]
    private static partial void LogSnapshot(ILogger logger, DateOnly day, int rows);
}
