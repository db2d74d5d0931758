using System.Globalization;
using System.Text;
using KunshanInvest.Application.Reports;
using KunshanInvest.Domain.Figures;
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

    public async Task<PerMuPage> PerMuAsync(int year, ReportScope scope, int top, CancellationToken cancellationToken)
    {
        var (first, last) = FigurePeriod.YearRange(year);
        var parameters = new List<object> { new DateOnly(year, 12, 31), new DateOnly(year - 2, 12, 31), first, last, top };
        var where = new StringBuilder();
        AddFilter(where, parameters, "SectorId", scope.SectorId);
        AddFilter(where, parameters, "ParkId", scope.ParkId);
        AddFilter(where, parameters, "OwnerId", scope.OfficerId);
        var inScope = where.Length == 0 ? "" : $"""

                WHERE EXISTS (SELECT 1 FROM "Projects" p WHERE p."EnterpriseId" = r."EnterpriseId"{where})
            """;

        // Land per project: its 供地 milestone's 亩 once reached by the year's end, else (at 供地 or later) the pledged 亩.
        // Each milestone kind is unique per project, so the two LEFT JOINs do not multiply rows.
        var sql = $$"""
            WITH "sites" AS (
                SELECT p."EnterpriseId",
                       SUM(COALESCE(l."LandMu", CASE WHEN p."Stage" BETWEEN {{(int)ProjectStage.LandSecured}} AND {{(int)ProjectStage.AtCapacity}} THEN p."PledgedLandMu" END)) AS "LandMu",
                       MIN(s."ActualOn") AS "StartedOn"
                FROM "Projects" p
                LEFT JOIN "Milestones" l ON l."ProjectId" = p."Id" AND l."Kind" = {{(int)MilestoneKind.LandSupplied}} AND l."ActualOn" <= {0}
                LEFT JOIN "Milestones" s ON s."ProjectId" = p."Id" AND s."Kind" = {{(int)MilestoneKind.ProductionStarted}} AND s."ActualOn" <= {0}
                WHERE p."EnterpriseId" IS NOT NULL
                  AND (l."Id" IS NOT NULL OR s."Id" IS NOT NULL OR p."Stage" BETWEEN {{(int)ProjectStage.LandSecured}} AND {{(int)ProjectStage.AtCapacity}})
                GROUP BY p."EnterpriseId"
            ), "figures" AS (
                SELECT p."EnterpriseId",
                       SUM(CASE WHEN f."Kind" = {{(int)FigureKind.TaxPaid}} THEN f."Value" ELSE 0 END) AS "TaxFen",
                       SUM(CASE WHEN f."Kind" = {{(int)FigureKind.MainBusinessRevenue}} THEN f."Value" ELSE 0 END) AS "RevenueFen"
                FROM "FigureEntries" f
                JOIN "Projects" p ON p."Id" = f."ProjectId"
                WHERE f."Status" = {{(int)FigureStatus.Verified}}
                  AND f."Kind" IN ({{(int)FigureKind.TaxPaid}}, {{(int)FigureKind.MainBusinessRevenue}})
                  AND f."Period" BETWEEN {2} AND {3}
                  AND p."EnterpriseId" IS NOT NULL
                GROUP BY p."EnterpriseId"
            ), "rated" AS (
                SELECT s."EnterpriseId", COALESCE(s."LandMu", 0) AS "LandMu", s."StartedOn",
                       CAST(COALESCE(f."TaxFen", 0) AS BIGINT) AS "TaxFen", CAST(COALESCE(f."RevenueFen", 0) AS BIGINT) AS "RevenueFen",
                       CASE WHEN s."LandMu" > 0 AND s."StartedOn" <= {1} THEN 1 ELSE 0 END AS "Rateable"
                FROM "sites" s
                LEFT JOIN "figures" f ON f."EnterpriseId" = s."EnterpriseId"
            ), "ranked" AS (
                SELECT r.*,
                       ROW_NUMBER() OVER (PARTITION BY "Rateable"
                           ORDER BY CASE WHEN "Rateable" = 1 THEN "TaxFen" / "LandMu" END DESC,
                                    CASE WHEN "Rateable" = 1 THEN "RevenueFen" / "LandMu" END DESC, "EnterpriseId") AS "Rank",
                       SUM("Rateable") OVER () AS "Rated",
                       COUNT(*) OVER () AS "Listed"
                FROM "rated" r
            ), "shown" AS (
                SELECT r.*, ROW_NUMBER() OVER (ORDER BY "Rateable" DESC, "Rank") AS "Row"
                FROM "ranked" r{{inScope}}
            )
            SELECT r."EnterpriseId", e."NameZh", e."NameEn", r."LandMu", r."StartedOn", r."TaxFen", r."RevenueFen", r."Rateable",
                   r."Rank", r."Rated", r."Listed"
            FROM "shown" r
            JOIN "Enterprises" e ON e."Id" = r."EnterpriseId"
            WHERE r."Row" <= {4}
            ORDER BY r."Row"
            """;

        var rows = await db.Database.SqlQueryRaw<PerMuRecord>(sql, [.. parameters]).ToListAsync(cancellationToken);
        var rated = rows.Count == 0 ? 0 : checked((int)rows[0].Rated);
        var listed = rows.Count == 0 ? 0 : checked((int)rows[0].Listed);
        return new PerMuPage(rated, listed, [.. rows.Select(r => new PerMuRow(
            r.EnterpriseId, r.NameZh, r.NameEn, r.LandMu, r.StartedOn, r.TaxFen, r.RevenueFen, r.Rateable == 1 ? checked((int)r.Rank) : null))]);
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

    private sealed class PerMuRecord
    {
        public Guid EnterpriseId { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public double LandMu { get; set; }
        public DateOnly? StartedOn { get; set; }
        public long TaxFen { get; set; }
        public long RevenueFen { get; set; }
        public int Rateable { get; set; }
        public long Rank { get; set; }
        public long Rated { get; set; }
        public long Listed { get; set; }
    }

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
