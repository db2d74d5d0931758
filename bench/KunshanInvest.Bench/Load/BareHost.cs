using System.Data.Common;
using System.Globalization;
using System.Text.Json.Serialization;
using KunshanInvest.Bench.Reports;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KunshanInvest.Bench.Load;

/// <summary>
/// The bare endpoint of issue 9's HTTP load run (scripts/load.sh): a minimal ASP.NET Core app with no authentication,
/// validation, audit, Mediator or EF, serving the app's three hot operations on the app's database as ONE SQL statement
/// each (the lead: two, its code reserved from the counter first, as the app does) over plain pooled
/// Microsoft.Data.Sqlite / Npgsql connections. What the app costs above this is the price of its pipeline.
/// <code>
/// dotnet bench/KunshanInvest.Bench/bin/Release/net10.0/KunshanInvest.Bench.dll bare --urls http://127.0.0.1:5090 \
///   --Database:Provider Sqlite|PostgreSql --Database:ConnectionString "…" [--Bare:Owner officer]
/// </code>
/// <list type="bullet">
/// <item><c>POST /api/v1/projects</c> — the app's lead body (<c>enterpriseId</c>, <c>sectorId</c>, <c>source</c>); one
/// <c>INSERT … SELECT</c> writing the columns the app writes for a lead (name from the enterprise), a fresh id and
/// a code from the app's per-year counter, owned by <c>Bare:Owner</c>. 201, or 422 when the enterprise does not exist.</item>
/// <item><c>GET /api/v1/projects?stage=…&amp;major=…</c> — page 1 (50) of the app's list with the same filter and sort
/// (newest activity first, then code): one SELECT with the joins, the owners' names and the total as a subquery.</item>
/// <item><c>GET /api/v1/reports/funnel</c> — <see cref="FunnelSql"/>, the report benchmark's baseline.</item>
/// <item><c>GET /bare/lead-targets?skip=&amp;count=</c> — the ids the load script posts: enterprises with no project and
/// the first active sector (the pick of <see cref="CreateLeadBenchmarks"/>, so a lead raises no ownership conflict). The
/// load spreads its leads over many enterprises, a separate set for each host, as officers' leads are spread: had
/// every lead gone to one enterprise, the app's ownership-conflict check would read a list growing by thousands of
/// rows per second, and the host measured second would read the first one's leads too.</item>
/// </list>
/// </summary>
public static class BareHost
{
    public const int PageSize = 50;

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning); // errors only
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter())); // as the app
        var provider = Enum.Parse<DatabaseProvider>(builder.Configuration["Database:Provider"] ?? "Sqlite", ignoreCase: true);
        var connectionString = builder.Configuration["Database:ConnectionString"] is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("bare needs --Database:ConnectionString.");
        var synchronous = Enum.Parse<SqliteSynchronous>(builder.Configuration["Database:SqliteSynchronous"] ?? nameof(SqliteSynchronous.Normal), ignoreCase: true);
        await using var database = new BareDatabase(provider, connectionString, synchronous);
        var owner = await database.UserIdAsync(builder.Configuration["Bare:Owner"] ?? "officer");

        var app = builder.Build();
        app.MapGet("/health/live", () => TypedResults.Ok("live"));
        app.MapGet("/bare/lead-targets", async (int skip, int count, CancellationToken ct) => TypedResults.Ok(await database.LeadTargetsAsync(skip, count, ct)));
        app.MapPost("/api/v1/projects", async (LeadBody body, CancellationToken ct) =>
        {
            var lead = await database.InsertLeadAsync(body, owner, ct);
            return lead is null
                ? Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No such enterprise.")
                : Results.Created($"/api/v1/projects/{lead.Id}", lead);
        });
        app.MapGet("/api/v1/projects", async (HttpRequest request, CancellationToken ct) =>
        {
            var stages = request.Query["stage"].Select(s => Enum.Parse<ProjectStage>(s!, ignoreCase: true)).ToArray();
            bool? major = request.Query["major"] is { Count: > 0 } m ? bool.Parse(m[0]!) : null;
            return TypedResults.Ok(await database.ListPage1Async(stages, major, ct));
        });
        app.MapGet("/api/v1/reports/funnel", async (CancellationToken ct) =>
            TypedResults.Ok(await database.FunnelAsync(DateTime.UtcNow.AddHours(8).Year, ct)));
        await app.RunAsync();
    }
}

/// <summary>The lead body as the app receives it (the fields the load sends).</summary>
public sealed record LeadBody(Guid EnterpriseId, Guid SectorId, SourceChannel Source);

public sealed record BareLead(Guid Id, string Code);

public sealed record BareLeadTarget(Guid EnterpriseId, Guid SectorId);

public sealed record BareLeadTargets(IReadOnlyList<Guid> EnterpriseIds, Guid SectorId);

public sealed record BareListItem(
    Guid Id, string Code, string Name, int Stage, Guid? EnterpriseId, string? EnterpriseZh, string? EnterpriseEn,
    Guid? SectorId, string? SectorCode, string? SectorZh, Guid? ParkId, string? ParkZh, int Source, Guid OwnerId, string? OwnerName,
    long? EstimatedMinor, string? EstimatedCurrency, long? PledgedMinor, string? PledgedCurrency, bool IsMajor,
    DateTime StageEnteredAtUtc, DateTime LastActivityAtUtc, string? NextFollowUpOn, DateTime CreatedAtUtc, int?[] SectorStageDays);

public sealed record BarePage(IReadOnlyList<BareListItem> Items, bool HasMore, int Total);

/// <summary>Plain ADO.NET on the app's database: a pooled connection per request, values stored as EF stores them.</summary>
public sealed class BareDatabase(DatabaseProvider provider, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal) : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres = provider == DatabaseProvider.PostgreSql ? NpgsqlDataSource.Create(connectionString) : null;

    private readonly SqliteWriteGate _writes = new(enabled: provider == DatabaseProvider.Sqlite);

    private bool IsSqlite => _postgres is null;

    public async Task<Guid> UserIdAsync(string userName)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = Command(connection, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedUserName\" = @name", ("@name", userName.ToUpperInvariant()));
        return await command.ExecuteScalarAsync() is { } id ? ReadGuid(id) : throw new InvalidOperationException($"No user '{userName}' to own the bare host's leads.");
    }

    public async Task<BareLeadTarget> LeadTargetAsync(CancellationToken cancellationToken)
    {
        var targets = await LeadTargetsAsync(0, 1, cancellationToken);
        return new BareLeadTarget(targets.EnterpriseIds[0], targets.SectorId);
    }

    /// <summary>Enterprises with no project (by id, after <paramref name="skip"/>) and the first active sector.</summary>
    public async Task<BareLeadTargets> LeadTargetsAsync(int skip, int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT e.\"Id\", (SELECT s.\"Id\" FROM \"Sectors\" s WHERE s.\"IsActive\" = @active ORDER BY s.\"Code\" LIMIT 1) FROM \"Enterprises\" e " +
            "WHERE e.\"MergedIntoId\" IS NULL AND NOT EXISTS (SELECT 1 FROM \"Projects\" p WHERE p.\"EnterpriseId\" = e.\"Id\") ORDER BY e.\"Id\" " +
            $"LIMIT {count} OFFSET {skip}",
            ("@active", true));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var enterprises = new List<Guid>(count);
        Guid? sector = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            enterprises.Add(ReadGuid(reader.GetValue(0)));
            sector ??= ReadGuid(reader.GetValue(1));
        }

        return enterprises.Count == count && sector is { } id
            ? new BareLeadTargets(enterprises, id)
            : throw new InvalidOperationException($"Fewer than {count} enterprises without projects after the first {skip}.");
    }

    /// <summary>
    /// The code from the app's counter (its UPDATE … RETURNING, autocommitted), then one INSERT … SELECT: the lead's row,
    /// named after its enterprise as the app names it.
    /// </summary>
    public async Task<BareLead?> InsertLeadAsync(LeadBody body, Guid owner, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        await using var connection = await OpenAsync(cancellationToken);

        // SQLite writers take turns in process, as the app's do (SqliteWriteGate): without it a busy database makes
        // Microsoft.Data.Sqlite sleep 150 ms per retry, and the baseline would measure those sleeps.
        using var turn = await _writes.EnterAsync(cancellationToken);
        var code = await RawSql.NextProjectCodeAsync(connection, IsSqlite, now.Year, cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO \"Projects\" (\"Id\", \"Code\", \"Name\", \"EnterpriseId\", \"SectorId\", \"Source\", \"OwnerId\", \"Stage\", \"StageEnteredAtUtc\", " +
            "\"LastActivityAtUtc\", \"CreatedAtUtc\", \"IsMajor\", \"IsDemo\", \"Version\", \"EscalationLevel\") " +
            "SELECT @id, @code, COALESCE(e.\"NameZh\", e.\"NameEn\") || ' 投资项目', e.\"Id\", @s, @source, @o, 0, @now, @now, @now, @f, @f, 0, 0 FROM \"Enterprises\" e WHERE e.\"Id\" = @e",
            ("@id", id), ("@code", code), ("@e", body.EnterpriseId), ("@s", body.SectorId), ("@source", (int)body.Source), ("@o", owner), ("@now", now), ("@f", false));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? new BareLead(id, code) : null;
    }

    /// <summary>Page 1 of the list, newest activity first: one SELECT (the total is a scalar subquery in it).</summary>
    public async Task<BarePage> ListPage1Async(IReadOnlyCollection<ProjectStage> stages, bool? major, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (stages.Count > 0)
        {
            where.Add($"p.\"Stage\" IN ({string.Join(", ", stages.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))})");
        }

        if (major is not null)
        {
            where.Add("p.\"IsMajor\" = @major");
        }

        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT (SELECT COUNT(*) FROM \"Projects\" p{filter}), " +
            "p.\"Id\", p.\"Code\", p.\"Name\", p.\"Stage\", p.\"EnterpriseId\", e.\"NameZh\", e.\"NameEn\", p.\"SectorId\", s.\"Code\", s.\"NameZh\", " +
            "p.\"ParkId\", k.\"NameZh\", p.\"Source\", p.\"OwnerId\", u.\"DisplayName\", p.\"EstimatedInvestmentMinor\", p.\"EstimatedInvestmentCurrency\", " +
            "p.\"PledgedInvestmentMinor\", p.\"PledgedInvestmentCurrency\", p.\"IsMajor\", p.\"StageEnteredAtUtc\", p.\"LastActivityAtUtc\", " +
            "p.\"NextFollowUpOn\", p.\"CreatedAtUtc\", s.\"SignedDays\", s.\"RegisteredDays\", s.\"LandSecuredDays\", s.\"UnderConstructionDays\", " +
            "s.\"OperatingDays\", s.\"AboveScaleDays\" " +
            "FROM \"Projects\" p LEFT JOIN \"Enterprises\" e ON e.\"Id\" = p.\"EnterpriseId\" LEFT JOIN \"Sectors\" s ON s.\"Id\" = p.\"SectorId\" " +
            "LEFT JOIN \"Parks\" k ON k.\"Id\" = p.\"ParkId\" LEFT JOIN \"AspNetUsers\" u ON u.\"Id\" = p.\"OwnerId\"" +
            $"{filter} ORDER BY p.\"LastActivityAtUtc\" DESC, p.\"Code\" DESC LIMIT {BareHost.PageSize + 1}",
            ("@major", (object?)(major ?? false)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<BareListItem>(BareHost.PageSize + 1);
        var total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            total = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            items.Add(new BareListItem(
                ReadGuid(reader.GetValue(1)), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), NullableGuid(reader, 5), Text(reader, 6), Text(reader, 7),
                NullableGuid(reader, 8), Text(reader, 9), Text(reader, 10), NullableGuid(reader, 11), Text(reader, 12), reader.GetInt32(13),
                ReadGuid(reader.GetValue(14)), Text(reader, 15), NullableLong(reader, 16), Text(reader, 17), NullableLong(reader, 18), Text(reader, 19),
                reader.GetBoolean(20), Instant(reader, 21), Instant(reader, 22), Text(reader, 23), Instant(reader, 24),
                [.. Enumerable.Range(25, 6).Select(i => reader.IsDBNull(i) ? (int?)null : reader.GetInt32(i))]));
        }

        var hasMore = items.Count > BareHost.PageSize;
        return new BarePage(hasMore ? items[..BareHost.PageSize] : items, hasMore, total);
    }

    public async Task<FunnelSql.Figures> FunnelAsync(int year, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FunnelSql.RunAsync(connection, year, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // The app's commit durability (Database:SqliteSynchronous, set on each connection it opens), so both sync alike.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {(int)synchronous}";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) => RawSql.Command(connection, IsSqlite, sql, parameters);

    private static Guid ReadGuid(object value) => RawSql.ReadGuid(value);

    private static Guid? NullableGuid(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : ReadGuid(reader.GetValue(i));

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static long? NullableLong(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    private static DateTime Instant(DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        var other => throw new InvalidOperationException($"Not an instant: {other}"),
    };
}
