using System.Globalization;
using System.Text;
using KunshanInvest.Application.Reports;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Reports;

/// <summary>
/// The report SQL EF Core's LINQ cannot express. Identifiers are double-quoted, which SQLite, PostgreSQL and SQL Server
/// (QUOTED_IDENTIFIER is on for every SqlClient connection) all read the same; window functions (SQLite ≥ 3.25) and
/// integer division are standard. Only the difference of two instants in days is the <see cref="SqlDialect"/>'s.
/// </summary>
public sealed class ReportSql(AppDbContext db, SqlDialect dialect) : IReportSql
{
    public async Task<IReadOnlyList<StageDurationRow>> StageDurationsAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var parameters = new List<object> { scope.FromUtc, scope.ToUtcExclusive };
        var where = new StringBuilder();
        AddFilter(where, parameters, "SectorId", scope.SectorId);
        AddFilter(where, parameters, "ParkId", scope.ParkId);
        AddFilter(where, parameters, "OwnerId", scope.OfficerId);

        // The projects are joined only to filter them: over the whole zone the join cost a fifth of the statement's
        // time at 100k projects (docs/performance.md).
        var join = where.Length == 0 ? "" : $"""

                JOIN "Projects" p ON p."Id" = c."ProjectId"
                WHERE 1 = 1{where}
            """;

        // A stay runs from a stage change to the project's next one (LEAD); the last change of a project is the stay
        // still running and has no end. Ties at the same instant are ordered by the change's id.
        // Nearest rank: the p-th percentile of n sorted values is the ⌈p·n/100⌉-th = (p·n + 99) / 100 in integers.
        var sql = $$"""
            WITH "stays" AS (
                SELECT c."To" AS "Stage", c."AtUtc" AS "EnteredAt",
                       LEAD(c."AtUtc") OVER (PARTITION BY c."ProjectId" ORDER BY c."AtUtc", c."Id") AS "LeftAt"
                FROM "StageChanges" c{{join}}
            ), "measured" AS (
                SELECT "Stage", {{DaysBetween("\"EnteredAt\"", "\"LeftAt\"")}} AS "Days"
                FROM "stays"
                WHERE "LeftAt" IS NOT NULL AND "LeftAt" >= {0} AND "LeftAt" < {1} AND "Stage" <= {{(int)ProjectStage.AtCapacity}}
            ), "ranked" AS (
                SELECT "Stage", "Days",
                       ROW_NUMBER() OVER (PARTITION BY "Stage" ORDER BY "Days") AS "Rank",
                       COUNT(*) OVER (PARTITION BY "Stage") AS "Total"
                FROM "measured"
            )
            SELECT "Stage",
                   MAX("Total") AS "Stays",
                   MAX(CASE WHEN "Rank" = (50 * "Total" + 99) / 100 THEN "Days" END) AS "MedianDays",
                   MAX(CASE WHEN "Rank" = (90 * "Total" + 99) / 100 THEN "Days" END) AS "P90Days",
                   AVG("Days") AS "MeanDays"
            FROM "ranked"
            GROUP BY "Stage"
            ORDER BY "Stage"
            """;

        var rows = await db.Database.SqlQueryRaw<DurationRecord>(sql, [.. parameters]).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StageDurationRow((ProjectStage)r.Stage, checked((int)r.Stays), r.MedianDays, r.P90Days, r.MeanDays))];
    }

    public async Task<int> TakeSnapshotAsync(DateOnly day, DateTime takenAtUtc, CancellationToken cancellationToken)
    {
        const string Table = PipelineSnapshotConfiguration.Table;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($$"""DELETE FROM "{{Table}}" WHERE "Day" = {0}""", [day], cancellationToken);
        var written = await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "{{Table}}" ("Day", "SectorId", "ParkId", "OwnerId", "Stage", "Currency", "Projects", "PledgedMinor", "ForeignCapitalUsdCents", "TakenAtUtc")
            SELECT {0}, p."SectorId", p."ParkId", p."OwnerId", p."Stage", p."PledgedInvestmentCurrency",
                   COUNT(*), COALESCE(SUM(p."PledgedInvestmentMinor"), 0), COALESCE(SUM(p."PledgedForeignCapitalUsdCents"), 0), {1}
            FROM "Projects" p
            GROUP BY p."SectorId", p."ParkId", p."OwnerId", p."Stage", p."PledgedInvestmentCurrency"
            """,
            [day, takenAtUtc],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// The pipeline as it stood at the end of a past <paramref name="day"/>, rebuilt from the stage-change history (each
    /// project's last change before <paramref name="endUtc"/>; changes at the same instant are ordered by id), with
    /// today's sector, park, owner and pledges. Used to backfill demo snapshots; the daily job takes real ones.
    /// </summary>
    public async Task<int> BackfillSnapshotAsync(DateOnly day, DateTime endUtc, DateTime takenAtUtc, CancellationToken cancellationToken)
    {
        const string Table = PipelineSnapshotConfiguration.Table;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($$"""DELETE FROM "{{Table}}" WHERE "Day" = {0}""", [day], cancellationToken);
        var written = await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "{{Table}}" ("Day", "SectorId", "ParkId", "OwnerId", "Stage", "Currency", "Projects", "PledgedMinor", "ForeignCapitalUsdCents", "TakenAtUtc")
            SELECT {0}, p."SectorId", p."ParkId", p."OwnerId", c."To", p."PledgedInvestmentCurrency",
                   COUNT(*), COALESCE(SUM(p."PledgedInvestmentMinor"), 0), COALESCE(SUM(p."PledgedForeignCapitalUsdCents"), 0), {2}
            FROM "Projects" p
            JOIN "StageChanges" c ON c."ProjectId" = p."Id"
            WHERE c."AtUtc" < {1}
              AND NOT EXISTS (
                  SELECT 1 FROM "StageChanges" n
                  WHERE n."ProjectId" = c."ProjectId" AND n."AtUtc" < {1}
                    AND (n."AtUtc" > c."AtUtc" OR (n."AtUtc" = c."AtUtc" AND n."Id" > c."Id")))
            GROUP BY p."SectorId", p."ParkId", p."OwnerId", c."To", p."PledgedInvestmentCurrency"
            """,
            [day, endUtc, takenAtUtc],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static void AddFilter(StringBuilder where, List<object> parameters, string column, Guid? value)
    {
        if (value is { } id)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND p.\"{column}\" = {{{parameters.Count}}}");
            parameters.Add(id);
        }
    }

    private string DaysBetween(string from, string to) => dialect.DaysBetween(from, to);

    /// <summary>Counts come back as 64-bit integers on PostgreSQL.</summary>
    private sealed class DurationRecord
    {
        public int Stage { get; set; }
        public long Stays { get; set; }
        public double MedianDays { get; set; }
        public double P90Days { get; set; }
        public double MeanDays { get; set; }
    }
}
