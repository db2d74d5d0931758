using System.Diagnostics;
using KunshanInvest.CrashLoad;
using KunshanInvest.Testing;
using Microsoft.Data.Sqlite;

namespace KunshanInvest.Api.Tests;

/// <summary>The crash runs start real app processes and load both cores: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "crash under load";
}

/// <summary>
/// Issue 8, crash under load in its bounded CI form: the built app as a real process, 500 portal submissions over 16
/// connections with Idempotency-Keys, one SIGKILL mid-run and a restart on the same database, every unanswered request
/// retried with its key — then every acknowledged submission must exist exactly once (counted in the database), with its
/// attachment, and no app process may be left running. The same code is scripts/crash-under-load.sh at full size.
/// </summary>
[Collection(CrashCollection.Name)]
public abstract class CrashUnderLoadTests(ITestOutputHelper output)
{
    private const int Submissions = 500;

    protected abstract Task<(CrashProvider Provider, string? ConnectionString)> DatabaseAsync();

    [Fact]
    public async Task Five_hundred_submissions_and_a_SIGKILL_lose_nothing_and_duplicate_nothing()
    {
        var (provider, connectionString) = await DatabaseAsync();
        var options = new CrashLoadOptions
        {
            AppDll = AppDll(),
            Provider = provider,
            ConnectionString = connectionString,
            Submissions = Submissions,
            Connections = 16,
            Kills = 1,
            Partners = 2,
            AttachmentEvery = 25,
            TakeoverSeconds = 3,
        };

        var log = new StringWriter();
        CrashReport report;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180)))
        {
            try
            {
                report = await CrashRun.RunAsync(options, log, timeout.Token);
            }
            finally
            {
                output.WriteLine(log.ToString());
            }
        }

        output.WriteLine(report.ToString());
        Assert.Single(report.Kills);
        Assert.True(report.Unanswered > 0, "the kill should have cut requests off mid-flight");
        Assert.Equal(Submissions, report.Acknowledged);
        Assert.Equal(Submissions, report.InDatabase);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Missing);
        Assert.Equal(0, report.Unacknowledged);
        Assert.Equal(0, report.KeyProblems);
        Assert.Equal(0, report.Refused);
        Assert.Equal(0, report.ServerErrors);
        Assert.Equal(0, report.ReplayMismatches);
        Assert.Equal(Submissions / 25, report.AttachmentsSent);
        Assert.Equal(report.AttachmentsSent, report.AttachmentsPresent);
        Assert.True(report.Passed, report.ToString());

        // The first process and the restarted one: both gone.
        Assert.Equal(2, report.ProcessIds.Count);
        Assert.All(report.ProcessIds, id => Assert.False(IsRunning(id), $"app process {id} is still running"));
    }

    /// <summary>The app the tests were built with, from its own build output (its deps and runtimeconfig, not the test's).</summary>
    internal static string AppDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KunshanInvest.sln")))
        {
            directory = directory.Parent;
        }

#if DEBUG
        const string Configuration = "Debug";
#else
        const string Configuration = "Release";
#endif
        var dll = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("KunshanInvest.sln not found above the test output"),
            "src", "KunshanInvest.Api", "bin", Configuration, "net10.0", "KunshanInvest.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not built");
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

public sealed class SqliteCrashUnderLoadTests(ITestOutputHelper output) : CrashUnderLoadTests(output)
{
    protected override Task<(CrashProvider, string?)> DatabaseAsync() => Task.FromResult<(CrashProvider, string?)>((CrashProvider.Sqlite, null));
}

public sealed class PostgresCrashUnderLoadTests(ITestOutputHelper output) : CrashUnderLoadTests(output)
{
    protected override async Task<(CrashProvider, string?)> DatabaseAsync()
    {
        Requirement.Need(await PostgresServer.UnavailableReasonAsync());
        return (CrashProvider.Postgres, await PostgresServer.CreateDatabaseAsync("crash"));
    }
}

/// <summary>The verifier itself must be able to fail: a duplicate, a lost acknowledged row and a missing file are each found.</summary>
public sealed class CrashVerifierTests
{
    [Fact]
    public async Task A_duplicate_a_lost_acknowledgement_and_a_missing_attachment_are_each_counted()
    {
        var folder = Directory.CreateTempSubdirectory("ki-verify-").FullName;
        var attachments = Directory.CreateDirectory(Path.Combine(folder, "attachments")).FullName;
        try
        {
            var path = Path.Combine(folder, "kunshaninvest.db");
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                await connection.OpenAsync();
                await using var create = connection.CreateCommand();
                create.CommandText = """
                    CREATE TABLE "PartnerSubmissions" ("Id" TEXT, "Reference" TEXT, "EnterpriseNameZh" TEXT);
                    CREATE TABLE "IdempotencyRecords" ("Key" TEXT, "State" INTEGER, "SubmissionId" TEXT);
                    CREATE TABLE "SubmissionAttachments" ("SubmissionId" TEXT, "StoredName" TEXT, "SizeBytes" INTEGER);
                    """;
                await create.ExecuteNonQueryAsync();
            }

            var database = Database.For(new CrashLoadOptions { AppDll = "unused", Provider = CrashProvider.Sqlite }, folder);
            var partner = new PartnerAccount("p", "x", "x");
            var items = Enumerable.Range(0, 4).Select(i => new Item(i, partner, "t", Guid.Empty, withFile: i == 3)).ToList();
            foreach (var item in items)
            {
                item.SubmissionId = Guid.NewGuid();
                item.Reference = $"PS-2026-00000{item.Index}";
                item.Receipt = "{}";
            }

            async Task InsertAsync(Item item, string? reference = null)
            {
                var id = Database.GuidText(item.SubmissionId);
                await database.ExecuteAsync("INSERT INTO \"PartnerSubmissions\" VALUES (@id, @reference, @name)",
                    new Dictionary<string, object> { ["@id"] = id, ["@reference"] = reference ?? item.Reference!, ["@name"] = item.Name }, CancellationToken.None);
                await database.ExecuteAsync("INSERT INTO \"IdempotencyRecords\" VALUES (@key, 1, @id)",
                    new Dictionary<string, object> { ["@key"] = item.Key, ["@id"] = id }, CancellationToken.None);
            }

            await InsertAsync(items[0]);
            await InsertAsync(items[1]);
            await database.ExecuteAsync("INSERT INTO \"PartnerSubmissions\" VALUES (@id, 'PS-2026-DUPLIC', @name)",
                new Dictionary<string, object> { ["@id"] = Guid.NewGuid().ToString("D").ToUpperInvariant(), ["@name"] = items[1].Name }, CancellationToken.None);
            await InsertAsync(items[3]);
            await database.ExecuteAsync("INSERT INTO \"SubmissionAttachments\" VALUES (@id, 'gone.bin', 10)",
                new Dictionary<string, object> { ["@id"] = Database.GuidText(items[3].SubmissionId) }, CancellationToken.None);

            var counted = await Verifier.CountAsync(database, items, "t", attachments, CancellationToken.None);

            Assert.Equal(4, counted.InDatabase);
            Assert.Equal(1, counted.Duplicates);
            Assert.Equal(1, counted.Missing);
            Assert.Equal(1, counted.KeyProblems);
            Assert.Equal(0, counted.AttachmentsPresent);
            Assert.Equal(1, counted.AttachmentProblems);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
