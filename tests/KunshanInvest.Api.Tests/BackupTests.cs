using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using KunshanInvest.Api.Commands;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// <c>-- backup PATH</c> (issue 8): a consistent copy of the live SQLite database while writers keep inserting through
/// the API; the copy holds every row acknowledged before the backup began, passes the integrity check and runs the app.
/// </summary>
public sealed class BackupTests(SqliteApp fixture, ITestOutputHelper log) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_backup_taken_while_writers_insert_holds_every_row_committed_before_it_and_restores()
    {
        using var officer = await fixture.ClientAsync("officer");
        var acknowledged = new ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();

        async Task WriteAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await officer.PostAsJsonAsync("/api/v1/enterprises", new { nameZh = $"备份写入 {writer}-{i} {Guid.NewGuid():N}"[..30], country = "CN", ownership = "Domestic", confirmNotDuplicate = true });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Enqueue((await response.JsonAsync()).Id());
                }
                else
                {
                    failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w))).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 40 && failures.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(failures.IsEmpty && acknowledged.Count >= 40, $"writers before the backup: {acknowledged.Count} acknowledged; {string.Join("; ", failures)}");

        // Everything acknowledged up to here committed before the backup starts; the writers go on during it.
        var before = acknowledged.ToArray();
        var folder = Directory.CreateTempSubdirectory("ki-backup-").FullName;
        var path = Path.Combine(folder, "copy.db");
        var output = new StringWriter();
        var (verb, host) = BackupVerb.Parse([path], output, output);
        Assert.Empty(host);
        var exit = await verb.RunAsync(fixture.App.Services, CancellationToken.None);
        var duringAndAfter = acknowledged.Count;
        // Let the writers show they go on after the backup (waiting for a write, not for a fixed time).
        var after = DateTime.UtcNow.AddSeconds(30);
        while (acknowledged.Count <= duringAndAfter && failures.IsEmpty && DateTime.UtcNow < after)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        log.WriteLine($"{before.Length} enterprises acknowledged before the backup, {duringAndAfter - before.Length} during it, {acknowledged.Count} in all");
        log.WriteLine(output.ToString());
        Assert.True(exit == 0, output.ToString());
        Assert.Empty(failures);
        Assert.True(acknowledged.Count > duringAndAfter, "the writers kept writing after the backup");
        Assert.Matches(@"Backup written: .*copy\.db \([\d,]+ bytes, \d+ tables, [\d,]+ rows, integrity ok\)", output.ToString());
        Assert.Contains("Enterprises", output.ToString(), StringComparison.Ordinal);

        // The copy: intact, self-contained (no -wal beside it), and every row acknowledged before the backup is in it.
        var (rows, integrity) = await SqliteBackup.InspectAsync(path, CancellationToken.None);
        Assert.Equal("ok", integrity);
        Assert.False(File.Exists(path + "-wal"));
        var copied = await EnterpriseIdsAsync(path);
        Assert.All(before, id => Assert.Contains(id, copied));
        Assert.True(rows["Enterprises"] >= before.Length);
        Assert.Equal(copied.Count, rows["Enterprises"]);

        // Restore = point an app at the copy: it starts (its migrations are current) and serves the rows.
        var restoredFolder = Directory.CreateTempSubdirectory("ki-restored-").FullName;
        File.Copy(path, Path.Combine(restoredFolder, "kunshaninvest.db"));
        await using var restored = new KunshanApiFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(restoredFolder, "kunshaninvest.db")}");
        using var anonymous = restored.CreateClient();
        var token = (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer", password = AppFixture.DemoPassword })).JsonAsync()).GetProperty("accessToken").GetString();
        using var reader = restored.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        foreach (var id in new[] { before[0], before[^1] })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/enterprises/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task An_existing_backup_is_kept_unless_forced()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ki-backup-").FullName, "copy.db");
        await File.WriteAllTextAsync(path, "an older backup");
        var output = new StringWriter();

        var (refused, _) = BackupVerb.Parse([path], output, output);
        Assert.Equal(3, await refused.RunAsync(fixture.App.Services, CancellationToken.None));
        Assert.Contains("--force", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(path));

        // Portal attachments are files in the data folder: they go beside the copy.
        var attachments = Directory.CreateDirectory(Path.Combine(fixture.App.DataDirectory, "attachments")).FullName;
        var stored = $"{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(Path.Combine(attachments, stored), "%PDF-1.4 an attachment");

        var (forced, _) = BackupVerb.Parse([path, "--force"], output, output);
        Assert.Equal(0, await forced.RunAsync(fixture.App.Services, CancellationToken.None));
        Assert.Equal("%PDF-1.4 an attachment", await File.ReadAllTextAsync(Path.Combine(path + ".attachments", stored)));
        Assert.Equal("ok", (await SqliteBackup.InspectAsync(path, CancellationToken.None)).IntegrityCheck);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.partial"));
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "pg_dump")]
    [InlineData(DatabaseProvider.SqlServer, "BACKUP DATABASE")]
    public async Task On_a_database_server_the_verb_says_it_is_for_sqlite_names_the_native_tool_and_fails(DatabaseProvider provider, string tool)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ki-never-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        using var services = new ServiceCollection().AddSingleton(new DatabaseOptions { Provider = provider }).BuildServiceProvider();

        var (verb, _) = BackupVerb.Parse([path], output, output);
        Assert.Equal(3, await verb.RunAsync(services, CancellationToken.None));
        Assert.Contains("for the SQLite database", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(tool, output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup a.db b.db")]
    public async Task Bad_backup_arguments_print_the_usage_and_exit_2(string line)
    {
        var output = new StringWriter();
        Assert.IsType<BackupVerb>(HostVerbs.Split(line.Split(' ')).Verb);
        var (verb, _) = BackupVerb.Parse(line.Split(' ')[1..], output, output);

        // No services at all: a verb with bad arguments must not reach for the database.
        Assert.Equal(2, await verb.RunAsync(new ServiceCollection().BuildServiceProvider(), CancellationToken.None));
        Assert.Contains("usage: backup PATH", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_backup_verb_leaves_the_hosts_settings_to_the_host()
    {
        var (verb, host) = HostVerbs.Split(["backup", "/tmp/x.db", "--Database:DataDirectory", "/srv/ki", "--force", "--Seed:Demo=true"]);
        Assert.IsType<BackupVerb>(verb);
        Assert.Equal(["--Database:DataDirectory", "/srv/ki", "--Seed:Demo=true"], host);
    }

    private static async Task<HashSet<Guid>> EnterpriseIdsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Enterprises";
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
