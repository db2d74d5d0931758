using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using KunshanInvest.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KunshanInvest.Bench;

/// <summary>
/// Base of every benchmark class: the cached synthetic database, the host (handlers through Mediator) and a plain
/// ADO.NET connection for the hand-written SQL baseline doing the same work. A report benchmark is one more
/// subclass: a <c>[Benchmark]</c> sending the report's query and a <c>[Benchmark(Baseline = true)]</c> running the
/// SQL a careful person would write for it, both in the same category.
/// </summary>
public abstract class HandlerBenchmark
{
    protected BenchHost Host { get; private set; } = null!;

    /// <summary>The baseline's connection, opened once (the host's pool is warm too).</summary>
    protected DbConnection Connection { get; private set; } = null!;

    protected BenchUser Officer { get; private set; } = null!;

    /// <summary>Set by the <c>--sql</c> probe: the host prints EF's statements.</summary>
    internal bool LogSql { get; set; }

    protected BenchUser Manager { get; private set; } = null!;

    protected static bool IsSqlite => BenchDatabase.Provider == DatabaseProvider.Sqlite;

    /// <summary>The connection string the benchmark reads; a writing benchmark may point it at its own copy.</summary>
    protected virtual string ConnectionString => BenchDatabase.ConnectionString;

    [GlobalSetup]
    public void GlobalSetup()
    {
        BenchDatabase.EnsureReady();
        BeforeOpen();
        Host = BenchHost.Create(ConnectionString, logSql: LogSql);
        Connection = IsSqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        Connection.Open();
        if (IsSqlite)
        {
            // The app's default commit durability (Database:SqliteSynchronous, ADR 0021), which its host sets on each connection.
            using var pragma = Command($"PRAGMA synchronous = {(int)new DatabaseOptions().SqliteSynchronous}");
            pragma.ExecuteNonQuery();
        }

        var (id, userName) = Single(
            "SELECT \"Id\", \"UserName\" FROM \"AspNetUsers\" WHERE \"UserName\" LIKE 'synth-officer-%' ORDER BY \"UserName\" LIMIT 1",
            r => (ReadGuid(r, 0), r.GetString(1)));
        Officer = BenchUser.Officer(id, userName);
        Manager = BenchUser.Manager(Guid.CreateVersion7());
        Setup();
    }

    /// <summary>Runs once the cached database exists, before anything opens it (a writing benchmark copies it here).</summary>
    protected virtual void BeforeOpen()
    {
    }

    /// <summary>Per-class preparation after the database and host are ready (pick ids, build cursors).</summary>
    protected virtual void Setup()
    {
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        Connection.Dispose();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    protected DbCommand Command(string sql, params (string Name, object? Value)[] parameters) => RawSql.Command(Connection, IsSqlite, sql, parameters);

    protected T Single<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? read(reader) : throw new InvalidOperationException($"No row: {sql}");
    }

    protected async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A value as the app's EF mapping stores it: SQLite keeps Guids as upper-case TEXT and instants as TEXT.</summary>
    protected static object Store(object? value) => RawSql.Store(value, IsSqlite);

    protected static Guid ReadGuid(DbDataReader reader, int i) => RawSql.ReadGuid(reader.GetValue(i));

    protected static Guid? ReadNullableGuid(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : ReadGuid(reader, i);

    protected static DateTime ReadInstant(DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        var other => throw new InvalidOperationException($"Not an instant: {other}"),
    };

    protected static string? ReadString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>Any value as invariant text (a date is TEXT on SQLite, a date on PostgreSQL).</summary>
    protected static string? ReadText(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);

    protected static long? ReadNullableLong(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
}
