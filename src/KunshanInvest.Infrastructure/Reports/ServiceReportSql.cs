using KunshanInvest.Application.Reports.ServiceRequests;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Reports;

/// <summary>
/// The service request reports' SQL, as <see cref="ReportSql"/> writes its own: double-quoted identifiers, standard
/// window functions and integer division; the days between two instants and an instant's Kunshan day are the
/// <see cref="SqlDialect"/>'s.
/// </summary>
public sealed class ServiceReportSql(AppDbContext db, SqlDialect dialect) : IServiceReportSql
{
    public async Task<IReadOnlyList<CloseTimeRow>> CloseTimesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        // The median of n sorted values: the mean of the ⌊(n+1)/2⌋-th and ⌊(n+2)/2⌋-th (one value when n is odd).
        var sql = $$"""
            WITH "closed" AS (
                SELECT r."DepartmentId" AS "DepartmentId", {{dialect.DaysBetween("r.\"AcceptedAtUtc\"", "r.\"ClosedAtUtc\"")}} AS "Days"
                FROM "ServiceRequests" r
                WHERE r."ClosedAtUtc" IS NOT NULL AND r."ClosedAtUtc" >= {0} AND r."ClosedAtUtc" < {1}
            ), "ranked" AS (
                SELECT "DepartmentId", "Days",
                       ROW_NUMBER() OVER (PARTITION BY "DepartmentId" ORDER BY "Days") AS "Rank",
                       COUNT(*) OVER (PARTITION BY "DepartmentId") AS "Total"
                FROM "closed"
            )
            SELECT k."DepartmentId" AS "DepartmentId", d."Code" AS "Code", d."NameZh" AS "NameZh", d."NameEn" AS "NameEn",
                   MAX(k."Total") AS "Closed",
                   AVG(CASE WHEN k."Rank" = (k."Total" + 1) / 2 OR k."Rank" = (k."Total" + 2) / 2 THEN k."Days" END) AS "MedianDays",
                   AVG(k."Days") AS "MeanDays"
            FROM "ranked" k
            JOIN "Departments" d ON d."Id" = k."DepartmentId"
            GROUP BY k."DepartmentId", d."Code", d."NameZh", d."NameEn"
            ORDER BY d."Code"
            """;
        var rows = await db.Database.SqlQueryRaw<CloseRecord>(sql, Parameter(fromUtc), Parameter(toUtc)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CloseTimeRow(r.DepartmentId, r.NameZh, r.NameEn, checked((int)r.Closed), r.MedianDays, r.MeanDays))];
    }

    public async Task<IReadOnlyList<SatisfactionRow>> SatisfactionAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var month = dialect.Substring(dialect.KunshanDateText("r.\"VisitedAtUtc\""), 1, 7);
        var sql = $$"""
            SELECT r."DepartmentId" AS "DepartmentId", d."Code" AS "Code", d."NameZh" AS "NameZh", d."NameEn" AS "NameEn", {{month}} AS "Month",
                   COUNT(*) AS "Visits", AVG(CAST(r."Satisfaction" AS double precision)) AS "AverageSatisfaction"
            FROM "ServiceRequests" r
            JOIN "Departments" d ON d."Id" = r."DepartmentId"
            WHERE r."VisitedAtUtc" IS NOT NULL AND r."Satisfaction" IS NOT NULL AND r."VisitedAtUtc" >= {0} AND r."VisitedAtUtc" < {1}
            GROUP BY r."DepartmentId", d."Code", d."NameZh", d."NameEn", {{month}}
            ORDER BY d."Code", {{month}}
            """;
        var rows = await db.Database.SqlQueryRaw<SatisfactionRecord>(sql, Parameter(fromUtc), Parameter(toUtc)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SatisfactionRow(r.DepartmentId, r.NameZh, r.NameEn, r.Month, checked((int)r.Visits), r.AverageSatisfaction))];
    }

    private object Parameter(DateTime value) => dialect.DateTimeParameter(db.Database, value);

    private sealed class CloseRecord
    {
        public Guid DepartmentId { get; set; }
        public string Code { get; set; } = "";
        public string NameZh { get; set; } = "";
        public string NameEn { get; set; } = "";
        public long Closed { get; set; }
        public double MedianDays { get; set; }
        public double MeanDays { get; set; }
    }

    private sealed class SatisfactionRecord
    {
        public Guid DepartmentId { get; set; }
        public string Code { get; set; } = "";
        public string NameZh { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Month { get; set; } = "";
        public long Visits { get; set; }
        public double AverageSatisfaction { get; set; }
    }
}
