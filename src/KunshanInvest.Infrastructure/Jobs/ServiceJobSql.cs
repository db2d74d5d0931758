using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Jobs;

/// <summary>
/// The service request sweeps' notices, written as <see cref="JobSql"/> writes the others: double-quoted identifiers,
/// what differs per provider from the <see cref="SqlDialect"/>, texts as parameters, arguments as JSON built in SQL
/// (each text escaped by the dialect), the effect key guarded by NOT EXISTS (and the unique index behind it).
/// </summary>
public sealed class ServiceJobSql(AppDbContext db, SqlDialect dialect) : IServiceJobSql
{
    private const string Columns = """("Id", "UserId", "Kind", "Title", "Body", "Link", "CreatedAtUtc", "SubjectId", "Period", "TitleCode", "BodyCode", "ArgsJson")""";

    /// <summary>The request, its enterprise, category and department: every notice's FROM.</summary>
    private const string Request = """
        "ServiceRequests" r
        JOIN "Enterprises" e ON e."Id" = r."EnterpriseId"
        JOIN "ServiceCategories" c ON c."Id" = r."CategoryId"
        JOIN "Departments" d ON d."Id" = r."DepartmentId"
        """;

    private const string IsManager = """EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" ro ON ro."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND ro."NormalizedName" = 'MANAGER')""";

    public Task<int> InsertDueSoonNoticesAsync(DateTime remindedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{Values("u", M.ServiceDueSoon, M.ServiceDueSoonBody)}}
            FROM {{Request}}
            JOIN "DepartmentMembers" m ON m."DepartmentId" = r."DepartmentId"
            JOIN "AspNetUsers" u ON u."Id" = m."UserId"
            WHERE r."DeadlineRemindedAtUtc" = {5} AND u."IsDisabled" = {6} AND {{NotNotified}}
            """,
            [JobKinds.ServiceDueSoon, "诉求即将到期:", "诉求即将到期,请及时办结。", nowUtc, period, remindedAtUtc, false],
            cancellationToken);

    public Task<int> InsertOverdueNoticesAsync(DateTime escalatedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{Values("u", M.ServiceOverdue, M.ServiceOverdueBody)}}
            FROM {{Request}}
            JOIN "AspNetUsers" u ON u."Id" = d."HeadUserId"
            WHERE r."EscalatedAtUtc" = {5} AND u."IsDisabled" = {6} AND {{NotNotified}}
            UNION ALL
            SELECT {{Values("u", M.ServiceOverdue, M.ServiceOverdueBody)}}
            FROM {{Request}}
            CROSS JOIN "AspNetUsers" u
            WHERE r."EscalatedAtUtc" = {5} AND u."IsDisabled" = {6} AND {{IsManager}}
              AND (d."HeadUserId" IS NULL OR u."Id" <> d."HeadUserId") AND {{NotNotified}}
            """,
            [JobKinds.ServiceOverdue, "诉求已超期:", "诉求已超过办理时限仍未办结,请督办。", nowUtc, period, escalatedAtUtc, false],
            cancellationToken);

    public Task<int> InsertVisitDueNoticesAsync(DateTime remindedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{Values("u", M.ServiceVisitDue, M.ServiceVisitDueBody)}}
            FROM {{Request}}
            JOIN "AspNetUsers" u ON u."Id" = r."ServiceOfficerId"
            WHERE r."Status" = {{(int)ServiceRequestStatus.Closed}} AND r."VisitRemindedAtUtc" = {5} AND u."IsDisabled" = {6} AND {{NotNotified}}
            """,
            [JobKinds.ServiceVisitDue, "请回访:", "诉求已办结,请回访企业并记录满意度。", nowUtc, period, remindedAtUtc, false],
            cancellationToken);

    /// <summary>
    /// A notice's values for user <paramref name="user"/> about request <c>r</c>: parameters {0} kind, {1} Chinese title
    /// prefix, {2} Chinese body, {3} now, {4} period.
    /// </summary>
    private string Values(string user, Msg title, Msg body)
    {
        var enterpriseZh = """COALESCE(NULLIF(e."NameZh", ''), e."NameEn", '')""";
        var enterpriseEn = """COALESCE(NULLIF(e."NameEn", ''), e."NameZh", '')""";
        var args = Json(
            ("enterprise", Json(("zh", dialect.JsonString(enterpriseZh)), ("en", dialect.JsonString(enterpriseEn)))),
            ("category", Json(("zh", dialect.JsonString("c.\"NameZh\"")), ("en", dialect.JsonString("c.\"NameEn\"")))),
            ("department", Json(("zh", dialect.JsonString("d.\"NameZh\"")), ("en", dialect.JsonString("d.\"NameEn\"")))),
            ("due", dialect.JsonString(dialect.KunshanDateText("r.\"DueAtUtc\""))));
        var chineseTitle = $"SUBSTRING({dialect.Concat("{1}", enterpriseZh, "' · '", "c.\"NameZh\"")}, 1, {Notification.TitleMaxLength})";
        var link = dialect.Concat("'/service-requests/'", dialect.GuidText("r.\"Id\""));
        return $"""{dialect.NewGuid}, {user}."Id", {"{0}"}, {chineseTitle}, {"{2}"}, {link}, {"{3}"}, r."Id", {"{4}"}, '{title.Code}', '{body.Code}', {args}""";
    }

    /// <summary>The effect key: no notice of this kind about this request to this user in this period yet.</summary>
    private const string NotNotified =
        """NOT EXISTS (SELECT 1 FROM "Notifications" x WHERE x."Kind" = {0} AND x."Period" = {4} AND x."SubjectId" = r."Id" AND x."UserId" = u."Id")""";

    /// <summary>A JSON object built by concatenation; braces doubled for EF Core's string.Format of raw SQL.</summary>
    private string Json(params (string Name, string Value)[] members) =>
        dialect.Concat([.. members.SelectMany((m, i) => new[] { $"'{(i == 0 ? "{{" : ",")}\"{m.Name}\":'", m.Value }), "'}}'"]);

    private Task<int> ExecuteAsync(string sql, object[] parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, [.. parameters.Select(p => p is DateTime d ? dialect.DateTimeParameter(db.Database, d) : p)], cancellationToken);
}
