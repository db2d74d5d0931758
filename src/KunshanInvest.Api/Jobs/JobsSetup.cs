using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Infrastructure;

namespace KunshanInvest.Api.Jobs;

/// <summary>
/// Hangfire in the host: storage matching the database provider, registered in DI (not the process-wide
/// <see cref="JobStorage.Current"/>, so two app instances in one test process keep their own), the server, the
/// recurring jobs, and the dashboard at /hangfire for Admins. With <c>Jobs:Enabled=false</c> none of it exists.
/// </summary>
internal static class JobsSetup
{
    public static IServiceCollection AddKunshanJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        if (!options.Enabled)
        {
            services.AddSingleton<IJobScheduler, NoJobScheduler>();
            return services;
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(sp =>
        {
            // Hangfire's configuration (logging included) is process-wide: apply this app's before its storage starts.
            sp.GetRequiredService<IGlobalConfiguration>();
            return CreateStorage(options, database, environment);
        });
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                server.SchedulePollingInterval = TimeSpan.FromSeconds(options.PollingSeconds);
            });
        }

        services.AddSingleton<KunshanJobs>();
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();
        services.AddHostedService<RecurringJobRegistration>();
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapKunshanJobs(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IJobScheduler>().IsEnabled)
        {
            app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AdminOnlyDashboardFilter()],
                DashboardTitle = "KunshanInvest jobs",
                AppPath = "/admin/jobs",
            }, app.Services.GetRequiredService<JobStorage>());
        }

        return app;
    }

    private static JobStorage CreateStorage(JobOptions options, DatabaseOptions database, IHostEnvironment environment)
    {
        if (string.Equals(options.Storage, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            return new InMemoryStorage();
        }

        var connectionString = DependencyInjection.ResolveConnectionString(database, environment);
        return database.Provider switch
        {
            // A file of its own beside the app's database: Hangfire's polling never contends with EF's writes.
            DatabaseProvider.Sqlite => new SQLiteStorage(Path.Combine(DependencyInjection.DataDirectory(database, environment), "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(options.PollingSeconds) }),
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(options.PollingSeconds) }),
            DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = "HangFire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(options.PollingSeconds), SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance }),
            _ => throw new InvalidOperationException($"No job storage for provider '{database.Provider}'."),
        };
    }
}

/// <summary>/health/ready includes the job storage: a node that cannot reach it would run no job.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            _ = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
            return Task.FromResult(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The job storage is unreachable.", ex));
        }
    }
}

/// <summary>The dashboard for signed-in Admins only: Hangfire answers 401 to the anonymous and 403 to other roles.</summary>
internal sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}

/// <summary>
/// The thin adapter Hangfire runs: a scope, then the Application's job by name. Retries (a crash, a lost connection)
/// are safe because every job records its effects in the database and does nothing twice.
/// </summary>
public sealed class KunshanJobs(IServiceScopeFactory scopes)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 30, 120, 600, 1800])]
    [JobDisplayName("{0}")]
    public async Task RunAsync(string job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(job, cancellationToken);
    }
}

internal sealed class HangfireJobScheduler(JobStorage storage, IRecurringJobManager recurring, IBackgroundJobClient client) : IJobScheduler
{
    public bool IsEnabled => true;

    public IReadOnlyList<RecurringJobInfo> RecurringJobs()
    {
        using var connection = storage.GetConnection();
        return [.. Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection)
            .Where(j => JobNames.All.Contains(j.Id))
            .OrderBy(j => JobNames.All.ToList().IndexOf(j.Id))
            .Select(j => new RecurringJobInfo(j.Id, j.Cron, j.LastExecution, j.LastJobState, j.NextExecution, j.Error))];
    }

    public bool Trigger(string jobName)
    {
        if (!JobNames.All.Contains(jobName))
        {
            return false;
        }

        recurring.Trigger(jobName);
        return true;
    }

    public void Enqueue(string jobName) => client.Enqueue<KunshanJobs>(j => j.RunAsync(jobName, CancellationToken.None));
}

/// <summary>Registers (or updates) each recurring job's schedule at start, in Kunshan time; and queues the reminders once.</summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager recurring, IBackgroundJobClient client, Microsoft.Extensions.Options.IOptions<JobOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var kunshan = KunshanTimeZone();
        foreach (var name in JobNames.All)
        {
            recurring.AddOrUpdate<KunshanJobs>(name, j => j.RunAsync(name, CancellationToken.None), JobNames.CronOf(name, options.Value), new RecurringJobOptions { TimeZone = kunshan });
        }

        if (options.Value.RemindOnStartup)
        {
            client.Enqueue<KunshanJobs>(j => j.RunAsync(JobNames.FollowUpReminders, CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static TimeZoneInfo KunshanTimeZone()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }
}
