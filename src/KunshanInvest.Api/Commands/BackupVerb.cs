using System.Globalization;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;

namespace KunshanInvest.Api.Commands;

/// <summary>
/// <c>backup PATH [--force]</c>: a consistent copy of the SQLite database, taken while the app runs (see
/// <see cref="SqliteBackup"/>), plus the portal attachments in <c>PATH.attachments/</c>. Exit codes: 0 done, 2 bad
/// arguments, 3 refused (the target exists, or the database is not SQLite: PostgreSQL and SQL Server have their own tools).
/// </summary>
internal sealed class BackupVerb(string? target, bool force, IReadOnlyList<string> problems, TextWriter? output = null, TextWriter? error = null) : IHostVerb
{
    public const string Usage = "usage: backup PATH [--force]   (SQLite: a consistent copy of the live database, attachments beside it)";

    private readonly TextWriter _out = output ?? Console.Out;
    private readonly TextWriter _error = error ?? Console.Error;

    public static (IHostVerb Verb, string[] HostArgs) Parse(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        string? target = null;
        var force = false;
        var problems = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--force":
                    force = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    // The host's own settings (--Database:Provider X or --Key=Value).
                    host.Add(option);
                    if (!option.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                    {
                        host.Add(args[++i]);
                    }

                    break;
                case var path when target is null:
                    target = path;
                    break;
                case var extra:
                    problems.Add($"Only one PATH, not also '{extra}'.");
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            problems.Add("backup needs the PATH of the copy.");
        }

        return (new BackupVerb(target, force, problems, output, error), [.. host]);
    }

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await _error.WriteLineAsync(problem);
            }

            await _error.WriteLineAsync(Usage);
            return 2;
        }

        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await _error.WriteLineAsync(database.Provider == DatabaseProvider.PostgreSql
                ? "backup is for the SQLite database. On PostgreSQL use its own tool, e.g. pg_dump -Fc -f kunshaninvest.dump \"<connection>\" (restore with pg_restore); the Hangfire schema is in the same database."
                : "backup is for the SQLite database. On SQL Server use BACKUP DATABASE (or sqlpackage /Action:Export); the HangFire schema is in the same database.");
            return 3;
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        var connectionString = DependencyInjection.ResolveConnectionString(database, environment);
        var attachments = Path.Combine(DependencyInjection.DataDirectory(database, environment), "attachments");
        try
        {
            var report = await SqliteBackup.RunAsync(connectionString, target!, attachments, force, cancellationToken);
            var culture = CultureInfo.InvariantCulture;
            await _out.WriteLineAsync(string.Create(culture, $"Backup written: {report.Path} ({report.Bytes:N0} bytes, {report.Rows.Count} tables, {report.Rows.Values.Sum():N0} rows, integrity {report.IntegrityCheck}) in {report.Elapsed.TotalSeconds:N1} s"));
            foreach (var (table, rows) in report.Rows.Where(r => r.Value > 0))
            {
                await _out.WriteLineAsync(string.Create(culture, $"  {table,-32} {rows,12:N0}"));
            }

            await _out.WriteLineAsync(report.AttachmentsPath is null
                ? "No attachments folder: nothing else to copy."
                : string.Create(culture, $"Attachments: {report.Attachments:N0} file(s) in {report.AttachmentsPath}"));
            return 0;
        }
        catch (SqliteBackupRefusedException refused)
        {
            await _error.WriteLineAsync(refused.Message);
            return 3;
        }
    }
}
