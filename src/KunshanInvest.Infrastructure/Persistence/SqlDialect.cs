using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace KunshanInvest.Infrastructure.Persistence;

/// <summary>
/// Everything the raw SQL writes differently per provider, chosen once from <c>Database:Provider</c> (a singleton).
/// The statements themselves double-quote identifiers, which SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER is
/// on for every SqlClient connection) all read alike; what they cannot share is asked of this object. This file and
/// where the DbContext options are configured are the only places that name a provider (an architecture test checks).
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    public static SqlDialect SqlServer { get; } = new SqlServerDialect();

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.PostgreSql => PostgreSql,
        DatabaseProvider.SqlServer => SqlServer,
        _ => throw new NotSupportedException($"No SQL dialect for provider '{provider}'."),
    };

    /// <summary>Only one writer at a time: saves queue at <see cref="SqliteWriteGate"/> instead of meeting a busy database.</summary>
    public virtual bool SingleWriter => false;

    /// <summary>Run once at start-up, after migrating; null when there is nothing to set.</summary>
    public virtual string? StartupStatement => null;

    /// <summary>Settings for one bulk load into a throwaway database, on the load's own connection; null when none.</summary>
    public virtual string? BulkLoadSettings => null;

    /// <summary>Refreshes the planner's statistics after a bulk load; null where the server keeps them itself.</summary>
    public virtual string? RefreshStatistics => null;

    /// <summary>A new GUID per row, in the form EF stores a <see cref="Guid"/> in.</summary>
    public abstract string NewGuid { get; }

    /// <summary>A GUID column as text, comparable with text EF wrote.</summary>
    public virtual string GuidText(string column) => column;

    public virtual string Concat(params string[] parts) => string.Join(" || ", parts);

    /// <summary>A <see cref="DateOnly"/> column as yyyy-MM-dd text (SQLite already stores it so).</summary>
    public virtual string DateText(string column) => column;

    /// <summary>A UTC instant's Kunshan calendar day (UTC+8, no daylight saving) as <c>yyyy-MM-dd</c> text.</summary>
    public virtual string KunshanDateText(string column) => $"strftime('%Y-%m-%d', {column}, '+8 hours')";

    /// <summary>
    /// A text column or expression as a JSON string literal (quoted and escaped), for JSON built by concatenation; NULL
    /// becomes the empty string. SQLite's <c>json_quote</c>; PostgreSQL's <c>to_json</c>; SQL Server's <c>STRING_ESCAPE</c>.
    /// </summary>
    public virtual string JsonString(string text) => $"json_quote(COALESCE({text}, ''))";

    /// <summary>The instants' difference <paramref name="to"/> − <paramref name="from"/> in (fractional) days.</summary>
    public abstract string DaysBetween(string from, string to);

    /// <summary>Characters of <paramref name="text"/> from <paramref name="start"/> (1-based), to its end when no length is given.</summary>
    public abstract string Substring(string text, int start, int? length = null);

    /// <summary>Text to an integer; an ill-formed value fails the statement.</summary>
    public abstract string ToInt(string text);

    /// <summary>Text to an integer where the server may evaluate it on rows a filter later drops.</summary>
    public virtual string TryToInt(string text) => ToInt(text);

    /// <summary>
    /// <paramref name="column"/> is <paramref name="prefix"/>, four digits, a hyphen and one or more digits
    /// (e.g. KS-2026-17); the prefix must not contain pattern characters.
    /// </summary>
    public abstract string IsYearSerial(string column, string prefix);

    public virtual string Quote(string identifier) => $"\"{identifier}\"";

    /// <summary>
    /// One statement that updates the row(s) matching <paramref name="where"/> and returns
    /// <paramref name="returned"/> as they are after the update (RETURNING, or OUTPUT inserted.* on SQL Server).
    /// </summary>
    public virtual string UpdateReturning(string table, string set, string where, params string[] returned) =>
        $"UPDATE {Quote(table)} SET {set} WHERE {where} RETURNING {string.Join(", ", returned.Select(Quote))}";

    /// <summary>
    /// Inserts the rows of the aggregate <paramref name="select"/> into (<paramref name="key"/>, <paramref name="columns"/>…)
    /// unless the key is taken; <paramref name="keyValue"/> is the one key the select yields (a parameter or literal).
    /// A concurrent insert of the same key may still surface as <see cref="IsDuplicateKey"/> on some providers. The
    /// select must have a WHERE clause, or SQLite would read ON CONFLICT as part of its join.
    /// </summary>
    public virtual string InsertIfMissing(string table, string key, string keyValue, string select, params string[] columns) =>
        $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Prepend(key).Select(Quote))}) {select} ON CONFLICT ({Quote(key)}) DO NOTHING";

    /// <summary>Upserts (<paramref name="key"/>, <paramref name="value"/>) rows from <paramref name="select"/>, keeping the greater value.</summary>
    public abstract string UpsertKeepingGreater(string table, string key, string value, string select);

    /// <summary>The exception is a unique-index violation (another writer inserted the same key first).</summary>
    public abstract bool IsDuplicateKey(Exception exception);

    /// <summary>A <see cref="DateTime"/> parameter value, typed so the server keeps its full precision.</summary>
    public virtual object DateTimeParameter(DatabaseFacade database, DateTime value) => value;

    private sealed class SqliteDialect : SqlDialect
    {
        public override bool SingleWriter => true;

        // Write-ahead log (kept in the file once set): readers, and the backup verb's copy, never wait for a writer,
        // nor a writer for them; writers still take turns, each waiting out a busy database (Microsoft.Data.Sqlite
        // retries for the command timeout).
        public override string StartupStatement => "PRAGMA journal_mode = WAL";

        // One writer, a throwaway database if the run fails: no fsync per page, a larger page cache.
        public override string BulkLoadSettings => "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";

        public override string RefreshStatistics => "ANALYZE";

        // EF stores a GUID on SQLite as upper-case text.
        public override string NewGuid =>
            "(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

        public override string DaysBetween(string from, string to) => $"(julianday({to}) - julianday({from}))";

        public override string Substring(string text, int start, int? length = null) =>
            length is { } l ? $"substr({text}, {start}, {l})" : $"substr({text}, {start})";

        public override string ToInt(string text) => $"CAST({text} AS INTEGER)";

        public override string IsYearSerial(string column, string prefix) => $"{column} GLOB '{prefix}[0-9][0-9][0-9][0-9]-[0-9]*'";

        public override string UpsertKeepingGreater(string table, string key, string value, string select) => $"""
            INSERT INTO {Quote(table)} ({Quote(key)}, {Quote(value)}) {select}
            ON CONFLICT ({Quote(key)}) DO UPDATE SET {Quote(value)} = max({Quote(value)}, excluded.{Quote(value)})
            """;

        // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
        public override bool IsDuplicateKey(Exception exception) =>
            Inner<SqliteException>(exception) is { SqliteExtendedErrorCode: 2067 or 1555 };
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        public override string RefreshStatistics => "ANALYZE"; // COPY leaves the statistics stale

        public override string NewGuid => "gen_random_uuid()";

        public override string GuidText(string column) => $"CAST({column} AS text)";

        public override string DateText(string column) => $"to_char({column}, 'YYYY-MM-DD')";

        public override string KunshanDateText(string column) => $"to_char({column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')";

        public override string JsonString(string text) => $"CAST(to_json(CAST(COALESCE({text}, '') AS text)) AS text)";

        public override string DaysBetween(string from, string to) =>
            $"(CAST(EXTRACT(EPOCH FROM ({to} - {from})) AS double precision) / 86400.0)";

        public override string Substring(string text, int start, int? length = null) =>
            length is { } l ? $"SUBSTRING({text} FROM {start} FOR {l})" : $"SUBSTRING({text} FROM {start})";

        public override string ToInt(string text) => $"CAST({text} AS integer)";

        public override string IsYearSerial(string column, string prefix) => $"{column} ~ '^{prefix}[0-9][0-9][0-9][0-9]-[0-9]+$'";

        public override string UpsertKeepingGreater(string table, string key, string value, string select) => $"""
            INSERT INTO {Quote(table)} ({Quote(key)}, {Quote(value)}) {select}
            ON CONFLICT ({Quote(key)}) DO UPDATE SET {Quote(value)} = GREATEST({Quote(table)}.{Quote(value)}, EXCLUDED.{Quote(value)})
            """;

        public override bool IsDuplicateKey(Exception exception) =>
            Inner<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation };
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override string NewGuid => "NEWID()";

        public override string GuidText(string column) => $"CONVERT(nvarchar(36), {column})";

        public override string DateText(string column) => $"CONVERT(nvarchar(10), {column}, 23)";

        public override string KunshanDateText(string column) => $"CONVERT(nvarchar(10), DATEADD(hour, 8, {column}), 23)";

        public override string Concat(params string[] parts) => string.Join(" + ", parts);

        public override string JsonString(string text) => $"'\"' + STRING_ESCAPE(COALESCE({text}, N''), 'json') + '\"'";

        public override string DaysBetween(string from, string to) =>
            $"(CAST(DATEDIFF_BIG(millisecond, {from}, {to}) AS float) / 86400000.0)";

        // SUBSTRING needs a length on SQL Server; LEN reaches the end.
        public override string Substring(string text, int start, int? length = null) =>
            $"SUBSTRING({text}, {start}, {(length is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"LEN({text})")})";

        public override string ToInt(string text) => $"CAST({text} AS int)";

        public override string TryToInt(string text) => $"TRY_CAST({text} AS int)";

        public override string IsYearSerial(string column, string prefix) => $"{column} LIKE '{prefix}[0-9][0-9][0-9][0-9]-[0-9]%'";

        public override string Quote(string identifier) => $"[{identifier}]";

        public override string UpdateReturning(string table, string set, string where, params string[] returned) =>
            $"UPDATE {Quote(table)} SET {set} OUTPUT {string.Join(", ", returned.Select(c => "inserted." + Quote(c)))} WHERE {where}";

        // The select is an aggregate, so HAVING can refuse its one row when the key is taken.
        public override string InsertIfMissing(string table, string key, string keyValue, string select, params string[] columns) =>
            $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Prepend(key).Select(Quote))}) {select} HAVING NOT EXISTS (SELECT 1 FROM {Quote(table)} WHERE {Quote(key)} = {keyValue})";

        public override string UpsertKeepingGreater(string table, string key, string value, string select) => $"""
            MERGE {Quote(table)} WITH (HOLDLOCK) AS c
            USING ({select}) AS h ({Quote(key)}, {Quote(value)}) ON c.{Quote(key)} = h.{Quote(key)}
            WHEN MATCHED AND c.{Quote(value)} < h.{Quote(value)} THEN UPDATE SET {Quote(value)} = h.{Quote(value)}
            WHEN NOT MATCHED THEN INSERT ({Quote(key)}, {Quote(value)}) VALUES (h.{Quote(key)}, h.{Quote(value)});
            """;

        public override bool IsDuplicateKey(Exception exception) => Inner<SqlException>(exception) is { Number: 2627 or 2601 };

        // SqlClient would send a DateTime as the 1/300 s datetime.
        public override object DateTimeParameter(DatabaseFacade database, DateTime value)
        {
            var parameter = database.GetDbConnection().CreateCommand().CreateParameter();
            parameter.DbType = DbType.DateTime2;
            parameter.Value = value;
            return parameter;
        }
    }

    private static T? Inner<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }

        return null;
    }
}
