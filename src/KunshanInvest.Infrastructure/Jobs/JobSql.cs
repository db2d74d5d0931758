using System.Data;
using System.Data.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KunshanInvest.Infrastructure.Jobs;

/// <summary>
/// The sweeps' INSERT … SELECT statements. Identifiers are double-quoted (read alike by all three providers); what
/// differs — a new GUID per row, text concatenation, a GUID as text, the DateTime parameter's type — is the
/// <see cref="SqlDialect"/>'s. Every text shown to people is a parameter, so SQL Server receives it as Unicode.
/// </summary>
public sealed class JobSql(AppDbContext db, SqlDialect dialect) : IJobSql
{
    // ReadAtUtc is left to its default (NULL): an untyped NULL in a UNION would be text to PostgreSQL.
    // Title and Body keep the Chinese wording beside the codes, for anything that reads the table directly.
    private const string Columns = """("Id", "UserId", "Kind", "Title", "Body", "Link", "CreatedAtUtc", "SubjectId", "Period", "TitleCode", "BodyCode", "ArgsJson")""";

    /// <summary>
    /// Opens the sweep's transaction and takes the audit chain head's lock first, as every audited save does: a sweep
    /// that locked project or follow-up rows before the head (its audit row comes last) would deadlock on PostgreSQL
    /// with an officer's save holding the head and waiting for one of those rows.
    /// </summary>
    public async Task<IJobTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await AuditChainSql.LockAsync(db, dialect, cancellationToken);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }

        return new Transaction(transaction);
    }

    public Task<int> InsertRemindersAsync(DateOnly today, string period, DateTime nowUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{NewId}}, f."AssigneeId", {0}, SUBSTRING({{Concat("{1}", "f.\"Title\"")}}, 1, {{Notification.TitleMaxLength}}),
                   {{Concat("p.\"Code\"", "' '", "p.\"Name\"")}}, {{Concat("'/projects/'", GuidText("p.\"Id\""))}}, {2}, f."Id", {3},
                   {{Code(M.JobReminder)}}, {{Code(M.JobReminderBody)}}, {{Json(("title", JsonString("f.\"Title\"")), ("code", JsonString("p.\"Code\"")), ("name", JsonString("p.\"Name\"")))}}
            FROM "FollowUps" f
            JOIN "Projects" p ON p."Id" = f."ProjectId"
            WHERE f."Status" = {{(int)FollowUpStatus.Open}} AND f."RemindedOn" = {4}
              AND {{NotNotified("f.\"Id\"", "f.\"AssigneeId\"")}}
            """,
            [JobKinds.Reminder, "跟进提醒:", nowUtc, period, today],
            cancellationToken);

    public Task<int> InsertStaleNoticesAsync(DateTime flaggedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{NewId}}, p."OwnerId", {0}, SUBSTRING({{Concat("{1}", "p.\"Code\"", "' '", "p.\"Name\"")}}, 1, {{Notification.TitleMaxLength}}),
                   {4}, {{Concat("'/projects/'", GuidText("p.\"Id\""))}}, {2}, p."Id", {3},
                   {{Code(M.JobStale)}}, {{Code(M.JobStaleBody)}}, {{ProjectArgs}}
            FROM "Projects" p
            WHERE p."StaleFlaggedAtUtc" = {5} AND {{NotNotified("p.\"Id\"", "p.\"OwnerId\"")}}
            """,
            [JobKinds.Stale, "项目长期无跟进:", nowUtc, period, "超过设定天数没有走访或联系记录,请尽快跟进。/ No visit or call recorded for the configured days.", flaggedAtUtc],
            cancellationToken);

    public Task<int> InsertEscalationNoticesAsync(int level, DateTime escalatedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var title = $"SUBSTRING({Concat("{1}", "p.\"Code\"", "' '", "p.\"Name\"")}, 1, {Notification.TitleMaxLength})";
        var link = Concat("'/projects/'", GuidText("p.\"Id\""));
        var stamped = $$"""p."EscalationLevel" = {{level}} AND p."EscalatedAtUtc" = {2}""";
        var (ownerTitle, ownerBody, managerTitle, managerBody) = level switch
        {
            1 => (M.JobEscalated, M.JobEscalatedBody, M.JobEscalated, M.JobEscalatedBody),
            2 => (M.JobEscalatedCopied, M.JobEscalatedCopiedBody, M.JobEscalatedCopied, M.JobEscalatedCopyBody),
            _ => (M.JobReassign, M.JobReassignBody, M.JobReassign, M.JobReassignBody),
        };
        var toOwner = $$"""
            SELECT {{NewId}}, p."OwnerId", {0}, {{title}}, {5}, {{link}}, {4}, p."Id", {3}, {{Code(ownerTitle)}}, {{Code(ownerBody)}}, {{ProjectArgs}}
            FROM "Projects" p
            WHERE {{stamped}} AND {{NotNotified("p.\"Id\"", "p.\"OwnerId\"", "{0}")}}
            """;
        var toManagers = $$"""
            SELECT {{NewId}}, m."Id", {6}, {{title}}, {7}, {{link}}, {4}, p."Id", {3}, {{Code(managerTitle)}}, {{Code(managerBody)}}, {{ProjectArgs}}
            FROM "Projects" p
            CROSS JOIN "AspNetUsers" m
            WHERE {{stamped}} AND m."IsDisabled" = {8}
              AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = m."Id" AND r."NormalizedName" = 'MANAGER')
              AND {{NotNotified("p.\"Id\"", "m.\"Id\"", "{6}")}}
            """;
        var sql = level switch
        {
            1 => toOwner,
            2 => toOwner + "\nUNION ALL\n" + toManagers,
            3 => toManagers,
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        object[] parameters = level switch
        {
            1 => [JobKinds.Escalated, "六未预警:", DateTime2(escalatedAtUtc), period, DateTime2(nowUtc), "项目已超过本阶段时限,请推进或记录卡点。/ The project is past its stage's limit.", JobKinds.EscalatedCopy, "", false],
            2 => [JobKinds.Escalated, "六未升级(已抄送领导):", DateTime2(escalatedAtUtc), period, DateTime2(nowUtc), "项目仍超过本阶段时限,已抄送领导。/ Still past its stage's limit; managers copied.", JobKinds.EscalatedCopy, "抄送:项目超过本阶段时限且负责人未推进。/ Copy: past its stage's limit and not moved by its owner.", false],
            _ => [JobKinds.Reassign, "建议重新分派:", DateTime2(escalatedAtUtc), period, DateTime2(nowUtc), "", JobKinds.Reassign, "项目长期超过本阶段时限,建议改派给产业链牵头专员。/ Long past its stage's limit: consider reassigning it to the sector's lead officer.", false],
        };
        var statement = "INSERT INTO \"Notifications\" " + Columns + "\n" + sql;
        return db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken);
    }

    public Task<int> InsertRoutingNoticesAsync(DateTime routedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // The enterprise's name in each language, each falling back to the other (as Bilingual.Of does).
        const string zh = """COALESCE(NULLIF(s."EnterpriseNameZh", ''), s."EnterpriseNameEn", '')""";
        const string en = """COALESCE(NULLIF(s."EnterpriseNameEn", ''), s."EnterpriseNameZh", '')""";
        return ExecuteAsync(
            $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{NewId}}, sec."LeadOfficerId", {0},
                   SUBSTRING({{Concat("{1}", "s.\"Reference\"", "' '", "COALESCE(s.\"EnterpriseNameZh\", s.\"EnterpriseNameEn\", '')")}}, 1, {{Notification.TitleMaxLength}}),
                   CASE WHEN s."MatchedProjectId" IS NOT NULL THEN {6} WHEN s."MatchedEnterpriseId" IS NOT NULL THEN {7} ELSE NULL END,
                   {{Concat("'/triage/'", GuidText("s.\"Id\""))}}, {2}, s."Id", {3}, {{Code(M.JobRouted)}},
                   CASE WHEN s."MatchedProjectId" IS NOT NULL THEN {{Code(M.JobRoutedDuplicate)}} WHEN s."MatchedEnterpriseId" IS NOT NULL THEN {{Code(M.JobRoutedKnown)}} ELSE NULL END,
                   {{Json(("reference", JsonString("s.\"Reference\"")), ("enterprise", Json(("zh", JsonString(zh)), ("en", JsonString(en)))))}}
            FROM "PartnerSubmissions" s
            JOIN "Sectors" sec ON sec."Id" = s."SectorId"
            WHERE s."RoutedAtUtc" = {4} AND sec."LeadOfficerId" IS NOT NULL AND {{NotNotified("s.\"Id\"", "sec.\"LeadOfficerId\"", "{0}")}}
            UNION ALL
            SELECT {{NewId}}, s."SubmittedById", {5}, SUBSTRING({{Concat("{8}", "s.\"Reference\"")}}, 1, {{Notification.TitleMaxLength}}),
                   {9}, {{Concat("'/portal/submissions/'", GuidText("s.\"Id\""))}}, {2}, s."Id", {3},
                   {{Code(M.JobAcknowledged)}}, {{Code(M.JobAcknowledgedBody)}}, {{Json(("reference", JsonString("s.\"Reference\"")))}}
            FROM "PartnerSubmissions" s
            WHERE s."RoutedAtUtc" = {4} AND {{NotNotified("s.\"Id\"", "s.\"SubmittedById\"", "{5}")}}
            """,
            [JobKinds.Routed, "新报送待分拣:", nowUtc, period, routedAtUtc, JobKinds.Acknowledged,
             "疑似重复:该企业已有在谈项目", "企业已在库",
             "报送已收到:", "我们已收到您的项目报送,将尽快审核。"],
            cancellationToken);
    }

    public Task<int> InsertCommitmentNoticesAsync(DateTime flaggedAtUtc, string period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // The metric's name in both languages as a Bilingual argument: JSON texts made here (parameters), picked by CASE.
        var metrics = CommitmentMetrics.All;
        var metric = "CASE c.\"Metric\" " + string.Join(" ", metrics.Select((m, i) => $"WHEN {(int)m} THEN {{{i + 7}}}")) + " ELSE '\"\"' END";
        var title = $"SUBSTRING({Concat("{1}", "p.\"Code\"", "' '", "p.\"Name\"")}, 1, {Notification.TitleMaxLength})";
        var link = Concat("'/projects/'", GuidText("p.\"Id\""));
        var args = Json(("code", JsonString("p.\"Code\"")), ("name", JsonString("p.\"Name\"")), ("metric", metric), ("date", JsonString(dialect.DateText("c.\"CheckOn\""))));
        var statement = $$"""
            INSERT INTO "Notifications" {{Columns}}
            SELECT {{NewId}}, p."OwnerId", {0}, {{title}}, {4}, {{link}}, {2}, c."Id", {3}, {{Code(M.JobCommitmentMissed)}}, {{Code(M.JobCommitmentMissedBody)}}, {{args}}
            FROM "AgreementCommitments" c
            JOIN "Projects" p ON p."Id" = c."ProjectId"
            WHERE c."MissedFlaggedAtUtc" = {5} AND {{NotNotified("c.\"Id\"", "p.\"OwnerId\"")}}
            UNION ALL
            SELECT {{NewId}}, m."Id", {0}, {{title}}, {4}, {{link}}, {2}, c."Id", {3}, {{Code(M.JobCommitmentMissed)}}, {{Code(M.JobCommitmentMissedBody)}}, {{args}}
            FROM "AgreementCommitments" c
            JOIN "Projects" p ON p."Id" = c."ProjectId"
            CROSS JOIN "AspNetUsers" m
            WHERE c."MissedFlaggedAtUtc" = {5} AND m."IsDisabled" = {6} AND m."Id" <> p."OwnerId"
              AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = m."Id" AND r."NormalizedName" = 'MANAGER')
              AND {{NotNotified("c.\"Id\"", "m.\"Id\"")}}
            """;
        object[] parameters =
        [
            JobKinds.CommitmentMissed, "协议承诺未达成:", nowUtc, period, "协议承诺已过核查日期仍未达成,请跟进。", flaggedAtUtc, false,
            .. metrics.Select(m => (object)System.Text.Json.JsonSerializer.Serialize(new { zh = m.ZhName(), en = m.EnName() }, MetricJson)),
        ];
        return ExecuteAsync(statement, parameters, cancellationToken);
    }

    /// <summary>Chinese kept as it is in the notice's stored arguments.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions MetricJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public Task<int> QueueEmailsAsync(IReadOnlyCollection<string> kinds, string period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var kindList = string.Join(", ", kinds.Select((_, i) => $"{{{i + 2}}}"));
        var statement = $$"""
            INSERT INTO "OutboxEmails" ("Id", "UserId", "NotificationId", "Subject", "HtmlBody", "CreatedAtUtc", "SentAtUtc", "Attempts", "LastError", "ClaimToken", "ClaimedUntilUtc")
            SELECT {{NewId}}, n."UserId", n."Id", NULL, NULL, {0}, NULL, 0, NULL, NULL, NULL
            FROM "Notifications" n
            WHERE n."Period" = {1} AND n."Kind" IN ({{kindList}})
              AND NOT EXISTS (SELECT 1 FROM "OutboxEmails" o WHERE o."NotificationId" = n."Id")
            """;
        return db.Database.ExecuteSqlRawAsync(statement, [DateTime2(nowUtc), period, .. kinds], cancellationToken);
    }

    /// <summary>Runs one statement; DateTime values go typed by the dialect.</summary>
    private Task<int> ExecuteAsync(string sql, object[] parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, [.. parameters.Select(p => p is DateTime d ? DateTime2(d) : p)], cancellationToken);

    /// <summary>The effect key: no notice of this kind about this subject to this user in this period yet.</summary>
    private static string NotNotified(string subject, string user, string kind = "{0}") =>
        $$"""NOT EXISTS (SELECT 1 FROM "Notifications" x WHERE x."Kind" = {{kind}} AND x."Period" = {3} AND x."SubjectId" = {{subject}} AND x."UserId" = {{user}})""";

    /// <summary>A catalogue code as an SQL literal (codes are plain ASCII, chosen here, never user input).</summary>
    private static string Code(Msg msg) => $"'{msg.Code}'";

    /// <summary>A project notice's arguments: <c>{"code":…,"name":…}</c> of <c>p</c>.</summary>
    private string ProjectArgs => Json(("code", JsonString("p.\"Code\"")), ("name", JsonString("p.\"Name\"")));

    /// <summary>
    /// A JSON object built by concatenation from JSON-valued expressions (<see cref="JsonString"/> or a nested
    /// object). Its braces are doubled: EF Core formats raw SQL with string.Format to place the parameters.
    /// </summary>
    private string Json(params (string Name, string Value)[] members) =>
        Concat([.. members.SelectMany((m, i) => new[] { $"'{(i == 0 ? "{{" : ",")}\"{m.Name}\":'", m.Value }), "'}}'"]);

    private string JsonString(string text) => dialect.JsonString(text);

    private object DateTime2(DateTime value) => dialect.DateTimeParameter(db.Database, value);

    private string NewId => dialect.NewGuid;

    private string Concat(params string[] parts) => dialect.Concat(parts);

    private string GuidText(string column) => dialect.GuidText(column);

    private sealed class Transaction(IDbContextTransaction inner) : IJobTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
