using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace KunshanInvest.Infrastructure.Persistence;

/// <summary>What a backup wrote: the copy, its size, its rows per table, and the attachments copied beside it.</summary>
public sealed record SqliteBackupReport(string Path, long Bytes, IReadOnlyDictionary<string, long> Rows, string IntegrityCheck, string? AttachmentsPath, int Attachments, TimeSpan Elapsed);

/// <summary>The backup target exists and <c>--force</c> was not given, or the source is not a SQLite file.</summary>
public sealed class SqliteBackupRefusedException(string message) : Exception(message);

/// <summary>
/// A consistent copy of the live SQLite database with <c>VACUUM INTO</c> (docs/adr/0016): one statement in one read
/// transaction, so the copy is the database as of that transaction's start — every commit before it, none after —
/// while the app goes on writing (WAL: writers do not wait for the copy). The copy is compacted and checked with
/// <c>PRAGMA integrity_check</c>. Portal attachments are files, not rows: they are copied after the database, so
/// every attachment the copy names is among them (files are written before their row and never changed).
/// </summary>
public static class SqliteBackup
{
    public static async Task<SqliteBackupReport> RunAsync(string connectionString, string target, string? attachmentsFolder, bool force, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:" || source.Mode == SqliteOpenMode.Memory)
        {
            throw new SqliteBackupRefusedException("The configured SQLite database is not a file; there is nothing to back up.");
        }

        target = Path.GetFullPath(target);
        if (string.Equals(target, Path.GetFullPath(source.DataSource), StringComparison.Ordinal))
        {
            throw new SqliteBackupRefusedException($"{target} is the live database itself.");
        }

        var attachmentsTarget = target + ".attachments";
        if (!force && (File.Exists(target) || Directory.Exists(attachmentsTarget)))
        {
            throw new SqliteBackupRefusedException($"{(File.Exists(target) ? target : attachmentsTarget)} exists; give --force to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Into a fresh file beside the target, then moved over it: a failed run leaves an existing backup intact.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", partial);
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            var (rows, integrity) = await InspectAsync(partial, cancellationToken, standalone: true);
            if (integrity != "ok")
            {
                throw new InvalidOperationException($"The copy failed its integrity check: {integrity}");
            }

            File.Move(partial, target, overwrite: true);
            var attachments = CopyAttachments(attachmentsFolder, attachmentsTarget);
            return new SqliteBackupReport(target, new FileInfo(target).Length, rows, integrity, attachments is null ? null : attachmentsTarget, attachments ?? 0, clock.Elapsed);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Rows per table and the integrity check of a database file. <paramref name="standalone"/> first turns a copy
    /// of a WAL database back to a rollback journal, so the backup is one self-contained file.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, long> Rows, string IntegrityCheck)> InspectAsync(string path, CancellationToken cancellationToken, bool standalone = false)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = standalone ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        if (standalone)
        {
            await using var journal = connection.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            rows[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = (string)(await check.ExecuteScalarAsync(cancellationToken))!;
        return (rows, integrity);
    }

    private static int? CopyAttachments(string? from, string to)
    {
        if (from is null || !Directory.Exists(from))
        {
            return null;
        }

        Directory.CreateDirectory(to);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            copied++;
        }

        return copied;
    }
}
