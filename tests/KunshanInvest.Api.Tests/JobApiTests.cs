using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Jobs;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Apps with Hangfire on (the other fixtures run without it), each on its provider's real storage: the SQLite one
/// (Hangfire.Storage.SQLite, with its own sqlite-net/SQLitePCLRaw stack beside EF's in the same process) and PostgreSQL.
/// </summary>
public sealed class SqliteJobsApp : AppFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings => JobSettings.With();

    protected override Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ki-sqlite-").FullName;
        return Task.FromResult<(DatabaseProvider, string?, string?)>((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "api.db")}", null));
    }
}

public sealed class PostgresJobsApp : AppFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings => JobSettings.With();

    protected override async Task<(DatabaseProvider, string?, string?)> DatabaseAsync()
    {
        var unavailable = await PostgresServer.UnavailableReasonAsync();
        return unavailable is null
            ? (DatabaseProvider.PostgreSql, await PostgresServer.CreateDatabaseAsync("ki_jobs"), null)
            : (DatabaseProvider.PostgreSql, null, unavailable);
    }
}

internal static class JobSettings
{
    public static Dictionary<string, string> With(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:RunServer"] = "true",
            ["Jobs:RemindOnStartup"] = "false",
            ["Jobs:PollingSeconds"] = "1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Waits until the condition holds (jobs run on Hangfire's workers), or fails after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 60, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what} {state?.Invoke()}");
            await Task.Delay(250);
        }
    }

    public static async Task<int> DueFollowUpsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = BureauCalendar.BureauToday(TimeProvider.System);
        return await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open && f.DueOn <= today);
    }

    /// <summary>The .eml file names of the reminders' outbox rows.</summary>
    public static async Task<HashSet<string>> ReminderFileNamesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.OutboxEmails.Where(e => db.Notifications.Any(n => n.Id == e.NotificationId && n.Kind == JobKinds.Reminder)).Select(e => e.Id).ToListAsync();
        return ids.Select(id => $"{id:N}.eml").ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<(int Notices, int Distinct, int Emails)> RemindersAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notices = db.Notifications.Where(n => n.Kind == JobKinds.Reminder);
        return (await notices.CountAsync(), await notices.Select(n => new { n.SubjectId, n.Period }).Distinct().CountAsync(),
            await db.OutboxEmails.CountAsync(e => notices.Any(n => n.Id == e.NotificationId)));
    }
}

/// <summary>The Hangfire tests run one class at a time: their servers poll every second and would starve each other.</summary>
[CollectionDefinition(Name)]
public sealed class JobsCollection
{
    public const string Name = "Hangfire servers";
}

public abstract class JobApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task The_dashboard_refuses_the_anonymous_and_non_admins_and_admits_admins()
    {
        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        foreach (var user in new[] { "officer", "manager", "auditor", "partner" })
        {
            using var client = await fixture.ClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire/recurring")).StatusCode);
        }

        using var admin = await fixture.ClientAsync("admin");
        var page = await admin.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(JobNames.FollowUpReminders, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_list_the_recurring_jobs_with_their_schedules_others_may_not()
    {
        using var admin = await fixture.ClientAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");
        Assert.True(list.GetProperty("enabled").GetBoolean());
        var jobs = list.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(JobNames.All, jobs.Select(j => j.GetProperty("name").GetString()));
        Assert.All(jobs, j => Assert.False(string.IsNullOrEmpty(j.GetProperty("cron").GetString())));
        Assert.Contains(jobs, j => j.GetProperty("nextRunUtc").ValueKind == JsonValueKind.String);

        using var officer = await fixture.ClientAsync("officer");
        await (await officer.GetAsync("/api/v1/admin/jobs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsync($"/api/v1/admin/jobs/{JobNames.FollowUpReminders}/run", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/admin/jobs/{JobNames.FollowUpReminders}/run", null)).StatusCode);
    }

    [Fact]
    public async Task Readiness_includes_the_job_storage()
    {
        using var anonymous = fixture.Anonymous();
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Running_an_unknown_job_is_a_bad_request()
    {
        using var admin = await fixture.ClientAsync("admin");
        var problem = await (await admin.PostAsync("/api/v1/admin/jobs/no-such-job/run", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _) || problem.GetProperty("errors").TryGetProperty("Name", out _));
    }

    [Fact]
    public async Task Run_now_reminds_the_demo_officer_in_the_bell_and_as_eml_files_once()
    {
        var due = await JobSettings.DueFollowUpsAsync(fixture.App.Services);
        Assert.True(due > 0, "the demo seed has due follow-ups");
        using var admin = await fixture.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/admin/jobs/{JobNames.FollowUpReminders}/run", null)).StatusCode);
        var monitoring = fixture.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await JobSettings.EventuallyAsync(async () => (await JobSettings.RemindersAsync(fixture.App.Services)).Notices >= due, "the reminders", state: () =>
            $"due={due} now={JobSettings.RemindersAsync(fixture.App.Services).GetAwaiter().GetResult()} succeeded={monitoring.SucceededListCount()} processing={monitoring.ProcessingCount()} failed={monitoring.FailedCount()} scheduled={monitoring.ScheduledCount()} enqueued={monitoring.EnqueuedCount("default")} servers={monitoring.Servers().Count}");

        // Run it again: nothing more.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/admin/jobs/{JobNames.FollowUpReminders}/run", null)).StatusCode);
        var mail = Path.Combine(fixture.App.DataDirectory, "mail");
        // Other recurring jobs (triage every ten minutes of the wall clock) may write e-mails of their own meanwhile:
        // count the reminders' files, named by their outbox rows.
        var reminderFiles = await JobSettings.ReminderFileNamesAsync(fixture.App.Services);
        int RemindersWritten() => Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml").Count(f => reminderFiles.Contains(Path.GetFileName(f))) : 0;
        await JobSettings.EventuallyAsync(() => Task.FromResult(RemindersWritten() >= due), "the .eml files");
        await JobSettings.EventuallyAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs")).GetProperty("jobs")[0].GetProperty("lastState").GetString() == "Succeeded", "the second run");

        var (notices, distinct, emails) = await JobSettings.RemindersAsync(fixture.App.Services);
        Assert.Equal(due, notices);
        Assert.Equal(due, distinct);
        Assert.Equal(due, emails);
        Assert.Equal(due, RemindersWritten());

        using var officer = await fixture.ClientAsync("officer");
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.True(mine.GetProperty("unreadCount").GetInt32() > 0);
        Assert.Contains(mine.GetProperty("latest").EnumerateArray(), n => n.GetProperty("kind").GetString() == JobKinds.Reminder);

        // The set-based notices carry codes and arguments built in this provider's SQL: worded in the reader's language.
        foreach (var (language, prefix) in new[] { ("en-US", "Follow-up reminder: "), ("zh-CN", "跟进提醒:") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await officer.SendAsync(request);
            var worded = await response.Content.ReadFromJsonAsync<JsonElement>();
            var reminders = worded.GetProperty("latest").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == JobKinds.Reminder).ToList();
            Assert.NotEmpty(reminders);
            Assert.All(reminders, n => Assert.StartsWith(prefix, n.GetProperty("title").GetString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_sweeps_build_their_notices_arguments_as_json_in_this_providers_sql()
    {
        // In a transaction rolled back at the end: the shared app's data is left as it was.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dialect = SqlDialect.For(fixture.App.Provider);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var project = await db.Projects.OrderBy(p => p.Code).Select(p => new { p.Id, p.Code }).FirstAsync();
        const string name = "咖啡 \"Roastery\" \\ 厂\t";
        var at = new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await db.Database.ExecuteSqlRawAsync(
            """UPDATE "Projects" SET "Name" = {0}, "StaleFlaggedAtUtc" = {1}, "EscalationLevel" = 2, "EscalatedAtUtc" = {1} WHERE "Id" = {2}""",
            [name, dialect.DateTimeParameter(db.Database, at), project.Id]);
        var sql = new JobSql(db, dialect);
        Assert.Equal(1, await sql.InsertStaleNoticesAsync(at, "lang-test", at, CancellationToken.None));
        Assert.True(await sql.InsertEscalationNoticesAsync(2, at, "lang-test", at, CancellationToken.None) >= 1);

        var notices = await db.Notifications.AsNoTracking().Where(n => n.Period == "lang-test").ToListAsync();
        Assert.Equal([M.JobEscalatedCopied.Code, M.JobStale.Code], notices.Select(n => n.TitleCode).Distinct().Order(StringComparer.Ordinal));
        Assert.All(notices, n =>
        {
            var args = SaidJson.Read(n.ArgsJson);
            Assert.Equal(name, args["name"]);
            Assert.Equal(project.Code, args["code"]);
        });
        var stale = notices.Single(n => n.Kind == JobKinds.Stale);
        Assert.Equal($"No follow-up for a long time: {project.Code} {name}", Notifier.Word(stale.Title, stale.Body, stale.TitleCode, stale.BodyCode, stale.ArgsJson, Messages.CultureOf("en-US")).Title);
        await transaction.RollbackAsync();
    }
}

[Collection(JobsCollection.Name)]
public sealed class SqliteJobApiTests(SqliteJobsApp fixture) : JobApiTests<SqliteJobsApp>(fixture);

[Collection(JobsCollection.Name)]
public sealed class PostgresJobApiTests(PostgresJobsApp fixture) : JobApiTests<PostgresJobsApp>(fixture);

/// <summary>Exactly once across servers and crashes, on the real Hangfire storages.</summary>
[Collection(JobsCollection.Name)]
public sealed class JobConcurrencyTests
{
    [Fact]
    public async Task A_run_killed_after_its_claim_is_retried_by_hangfire_and_its_effects_happen_once()
    {
        var folder = Directory.CreateTempSubdirectory("ki-sqlite-").FullName;
        var crash = new CrashOnce("INSERT INTO \"OutboxEmails\"");
        await using var crashing = new KunshanApiFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "api.db")}", settings: JobSettings.With(("Jobs:Storage", "InMemory")));
        crashing.Interceptors.Add(crash);
        _ = crashing.Server;
        var due = await JobSettings.DueFollowUpsAsync(crashing.Services);

        crashing.Services.GetRequiredService<IJobScheduler>().Enqueue(JobNames.FollowUpReminders);
        await JobSettings.EventuallyAsync(async () => (await JobSettings.RemindersAsync(crashing.Services)).Emails >= due, "the retried run");

        Assert.True(crash.Crashed);
        var (notices, distinct, emails) = await JobSettings.RemindersAsync(crashing.Services);
        Assert.Equal(due, notices);
        Assert.Equal(due, distinct);
        Assert.Equal(due, emails);
    }

    /// <summary>Throws at the first command containing <paramref name="text"/>: the run dies mid-transaction, after its claim.</summary>
    private sealed class CrashOnce(string text) : DbCommandInterceptor
    {
        private int _crashed;

        public bool Crashed => _crashed == 1;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains(text, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _crashed, 1, 0) == 0
                ? throw new InvalidOperationException("Simulated crash after the claim")
                : ValueTask.FromResult(result);
    }
}
