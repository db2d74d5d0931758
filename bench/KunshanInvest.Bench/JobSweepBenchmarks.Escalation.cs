using System.Data.Common;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Bench;

/// <remarks>
/// The 六未 escalation's hand-written baseline: plain ADO.NET on <see cref="HandlerBenchmark.Connection"/>, no EF and
/// no app logic but the audit hash (it shares only the app's constants — kinds, job name, title length — and its
/// configuration: limits and delays). As the handler: the sectors' own limits, then in one transaction the audit chain
/// head's lock (taken first, ADR 0017), the three claims (level 3, 2, then 1, so a project climbs one level per run),
/// the notices, the outbox rows and the one hash-chained audit row of a run that notified anyone. What a careful
/// person would write differently: the notices of all three levels in one INSERT … SELECT (the handler sends three,
/// each scanning "Projects"), the projects just stamped and the managers each read once in a CTE, and the head locked
/// once (the handler's save locks it again).
/// <para>
/// The global setup checks "handler = baseline" once per process (<see cref="VerifyEscalation"/>) and stops the run on a
/// difference, so the ratio compares two ways of doing the same work.
/// </para>
/// </remarks>
public partial class JobSweepBenchmarks
{
    private static readonly int[] SixStages = [3, 4, 5, 6, 7, 8];
    private static readonly DateTime AnotherStay = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static bool _verified;

    private StalledOptions _stalled = null!;
    private JobOptions _jobs = null!;

    [Benchmark(Baseline = true), BenchmarkCategory("sweep: 六未 escalation")]
    public Task<int> Escalation_Sql() => EscalateSqlAsync(DateTime.UtcNow);

    /// <summary>The configured limits and delays (configuration, not computation: both sides read the same options).</summary>
    protected override void Setup()
    {
        _stalled = Host.Services.GetRequiredService<IOptions<StalledOptions>>().Value;
        _jobs = Host.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        if (!_verified)
        {
            VerifyEscalation().GetAwaiter().GetResult();
            _verified = true;
        }
    }

    /// <summary>The sweep at <paramref name="now"/>; returns the notices written, as the handler's effects.</summary>
    private async Task<int> EscalateSqlAsync(DateTime now)
    {
        var period = DateOnly.FromDateTime(now.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // the Kunshan day (UTC+8)
        var (stalled, cutoffs) = await StalledSqlAsync(now);

        await using var transaction = await Connection.BeginTransactionAsync();
        var head = await ReadRowAsync(transaction, """UPDATE "AuditChainHeads" SET "Sequence" = "Sequence" WHERE "Id" = 1 RETURNING "Sequence", "Hash" """,
            r => (Sequence: r.GetInt64(0), Hash: r.GetString(1)));

        // Higher levels first, so a project climbs at most one level per run.
        const string SameStay = "\"EscalatedStageEnteredAtUtc\" = \"StageEnteredAtUtc\"";
        await ExecuteAsync(transaction,
            $"""UPDATE "Projects" SET "EscalationLevel" = 3, "EscalatedAtUtc" = @now WHERE {stalled} AND {SameStay} AND "EscalationLevel" = 2 AND "EscalatedAtUtc" < @before""",
            [.. cutoffs, ("@now", now), ("@before", now.AddDays(-_jobs.ProposeReassignmentAfterDays))]);
        await ExecuteAsync(transaction,
            $"""UPDATE "Projects" SET "EscalationLevel" = 2, "EscalatedAtUtc" = @now WHERE {stalled} AND {SameStay} AND "EscalationLevel" = 1 AND "EscalatedAtUtc" < @before""",
            [.. cutoffs, ("@now", now), ("@before", now.AddDays(-_jobs.EscalateToManagersAfterDays))]);
        await ExecuteAsync(transaction,
            $"""
            UPDATE "Projects" SET "EscalationLevel" = 1, "EscalatedAtUtc" = @now, "EscalatedStageEnteredAtUtc" = "StageEnteredAtUtc"
            WHERE {stalled} AND ("EscalatedStageEnteredAtUtc" IS NULL OR "EscalatedStageEnteredAtUtc" <> "StageEnteredAtUtc")
            """,
            [.. cutoffs, ("@now", now)]);

        var notices = await ExecuteAsync(transaction, NoticesSql, [
            ("@now", now), ("@period", period), ("@f", false),
            ("@escalated", JobKinds.Escalated), ("@copy", JobKinds.EscalatedCopy), ("@reassign", JobKinds.Reassign),
            ("@title1", "六未预警:"), ("@body1", "项目已超过本阶段时限,请推进或记录卡点。/ The project is past its stage's limit."),
            ("@title2", "六未升级(已抄送领导):"), ("@body2", "项目仍超过本阶段时限,已抄送领导。/ Still past its stage's limit; managers copied."),
            ("@copyBody", "抄送:项目超过本阶段时限且负责人未推进。/ Copy: past its stage's limit and not moved by its owner."),
            ("@title3", "建议重新分派:"), ("@body3", "项目长期超过本阶段时限,建议改派给产业链牵头专员。/ Long past its stage's limit: consider reassigning it to the sector's lead officer."),
        ]);
        await ExecuteAsync(transaction, OutboxSql, [("@now", now), ("@period", period), ("@escalated", JobKinds.Escalated), ("@copy", JobKinds.EscalatedCopy), ("@reassign", JobKinds.Reassign)]);

        if (notices > 0)
        {
            // One row per run, linked after the head locked above. The hash is the one piece of app code used: the
            // chain's canonical encoding (AuditHash, ADR 0017) — a second copy of it here could only drift.
            var changes = string.Create(CultureInfo.InvariantCulture, $$"""[{"Field":"Effects","Old":null,"New":"{{notices}}"}]""");
            var entityType = "Job:" + JobNames.StalledEscalation;
            var sequence = head.Sequence + 1;
            var hash = AuditHash.Compute(sequence, head.Hash, now, null, "system", entityType, period, AuditAction.Created, changes);
            await ExecuteAsync(transaction,
                """
                INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "Action", "Changes", "Sequence", "PreviousHash", "Hash")
                VALUES (@now, NULL, 'system', @type, @period, @action, @changes, @sequence, @previous, @hash)
                """,
                [("@now", now), ("@type", entityType), ("@period", period), ("@action", (int)AuditAction.Created), ("@changes", changes),
                 ("@sequence", sequence), ("@previous", head.Hash), ("@hash", hash)]);
            await ExecuteAsync(transaction, """UPDATE "AuditChainHeads" SET "Sequence" = @sequence, "Hash" = @hash WHERE "Id" = 1""",
                [("@sequence", sequence), ("@hash", hash)]);
        }

        await transaction.CommitAsync();
        return notices;
    }

    /// <summary>A new GUID per row, as the app stores it: upper-case text on SQLite, <c>uuid</c> on PostgreSQL.</summary>
    private static string NewId => IsSqlite
        ? "(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))"
        : "gen_random_uuid()";

    /// <summary>
    /// The notices of all three levels in one statement (the handler's three give the same rows; no two of them share
    /// the unique kind, period, subject and user): the owner of a project just stamped level 1 or 2, every enabled
    /// manager of one stamped 2 (a copy) or 3 (reassignment), each only when no notice of that kind about that project
    /// went to that person this period (the effect key, ADR 0012).
    /// </summary>
    private static string NoticesSql
    {
        get
        {
            var link = IsSqlite ? "'/projects/' || p.\"Id\"" : "'/projects/' || CAST(p.\"Id\" AS text)";
            string Title(string prefix) => $"SUBSTRING({prefix} || p.\"Code\" || ' ' || p.\"Name\", 1, {Notification.TitleMaxLength})";
            string NotNotified(string kind, string user) =>
                $"""NOT EXISTS (SELECT 1 FROM "Notifications" x WHERE x."Kind" = {kind} AND x."Period" = @period AND x."SubjectId" = p."Id" AND x."UserId" = {user})""";
            string ToOwner(int level, string title, string body) => $"""
                SELECT {NewId}, p."OwnerId", @escalated, {Title(title)}, {body}, {link}, @now, p."Id", @period
                FROM stamped p
                WHERE p."EscalationLevel" = {level} AND {NotNotified("@escalated", "p.\"OwnerId\"")}
                """;
            string ToManagers(int level, string kind, string title, string body) => $"""
                SELECT {NewId}, m."Id", {kind}, {Title(title)}, {body}, {link}, @now, p."Id", @period
                FROM stamped p
                CROSS JOIN managers m
                WHERE p."EscalationLevel" = {level} AND {NotNotified(kind, "m.\"Id\"")}
                """;

            // "stamped" is read four times, so SQLite (3.35+) and PostgreSQL (12+) materialise it: one pass over "Projects".
            return $"""
                WITH managers AS (
                    SELECT u."Id" FROM "AspNetUsers" u
                    JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
                    JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                    WHERE r."NormalizedName" = 'MANAGER' AND u."IsDisabled" = @f),
                stamped AS (
                    SELECT "Id", "OwnerId", "Code", "Name", "EscalationLevel" FROM "Projects" WHERE "EscalatedAtUtc" = @now)
                INSERT INTO "Notifications" ("Id", "UserId", "Kind", "Title", "Body", "Link", "CreatedAtUtc", "SubjectId", "Period")
                {ToOwner(1, "@title1", "@body1")}
                UNION ALL
                {ToOwner(2, "@title2", "@body2")}
                UNION ALL
                {ToManagers(2, "@copy", "@title2", "@copyBody")}
                UNION ALL
                {ToManagers(3, "@reassign", "@title3", "@body3")}
                """;
        }
    }

    /// <summary>One e-mail per notice of the three kinds this period that has none yet.</summary>
    private static string OutboxSql => $"""
        INSERT INTO "OutboxEmails" ("Id", "UserId", "NotificationId", "Subject", "HtmlBody", "CreatedAtUtc", "SentAtUtc", "Attempts", "LastError", "ClaimToken", "ClaimedUntilUtc")
        SELECT {NewId}, n."UserId", n."Id", NULL, NULL, @now, NULL, 0, NULL, NULL, NULL
        FROM "Notifications" n
        WHERE n."Period" = @period AND n."Kind" IN (@escalated, @copy, @reassign)
          AND NOT EXISTS (SELECT 1 FROM "OutboxEmails" o WHERE o."NotificationId" = n."Id")
        """;

    /// <summary>
    /// The 六未 predicate on "Projects" (no alias): per sector with limits of its own, its stages past those limits; for
    /// every other project (no sector, or a sector without limits) the configured defaults. The cutoffs are parameters
    /// computed here, as the handler's, so no provider's date arithmetic is involved.
    /// </summary>
    private async Task<(string Sql, List<(string Name, object? Value)> Parameters)> StalledSqlAsync(DateTime now)
    {
        var parameters = new List<(string Name, object? Value)>();
        var overrides = await ListAsync(
            "SELECT \"Id\", \"SignedDays\", \"RegisteredDays\", \"LandSecuredDays\", \"UnderConstructionDays\", \"OperatingDays\", \"AboveScaleDays\" FROM \"Sectors\" " +
            "WHERE \"SignedDays\" IS NOT NULL OR \"RegisteredDays\" IS NOT NULL OR \"LandSecuredDays\" IS NOT NULL OR \"UnderConstructionDays\" IS NOT NULL " +
            "OR \"OperatingDays\" IS NOT NULL OR \"AboveScaleDays\" IS NOT NULL",
            r => (Id: ReadGuid(r, 0), Days: Enumerable.Range(1, 6).Select(i => r.IsDBNull(i) ? (int?)null : r.GetInt32(i)).ToArray()));
        int[] defaults = [_stalled.SignedDays, _stalled.RegisteredDays, _stalled.LandSecuredDays, _stalled.UnderConstructionDays, _stalled.OperatingDays, _stalled.AboveScaleDays];

        string Add(object value)
        {
            var name = $"@p{parameters.Count}";
            parameters.Add((name, value));
            return name;
        }

        string Clauses(IReadOnlyList<int> days) =>
            "(" + string.Join(" OR ", SixStages.Select((stage, i) => $"(\"Stage\" = {stage} AND \"StageEnteredAtUtc\" < {Add(now.AddDays(-days[i]))})")) + ")";

        var where = new StringBuilder("(");
        foreach (var (sector, days) in overrides)
        {
            where.Append(CultureInfo.InvariantCulture, $"(\"SectorId\" = {Add(sector)} AND {Clauses([.. days.Select((d, i) => d ?? defaults[i])])}) OR ");
        }

        where.Append(overrides.Count == 0
            ? Clauses(defaults)
            : $"((\"SectorId\" IS NULL OR \"SectorId\" NOT IN ({string.Join(", ", overrides.Select(o => Add(o.Id)))})) AND {Clauses(defaults)})");
        return (where.Append(')').ToString(), parameters);
    }

    private async Task<int> ExecuteAsync(DbTransaction transaction, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        await using var command = Command(sql, [.. parameters]);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ReadRowAsync<T>(DbTransaction transaction, string sql, Func<DbDataReader, T> read)
    {
        await using var command = Command(sql);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? read(reader) : throw new InvalidOperationException($"No row: {sql}");
    }

    // ---- handler = baseline ------------------------------------------------------------------------------------

    /// <summary>
    /// Runs the handler and the baseline once each from the same state and compares what they wrote; twice: from the
    /// unswept state the benchmark measures (only level 1 can happen there), and from "aged" escalations that exercise
    /// levels 2 and 3 and a stage change. Leaves the database reset.
    /// </summary>
    private async Task VerifyEscalation()
    {
        // The synthetic database has no manager: two officers are made managers for the check (the copies and the
        // reassignment proposals go to them), and only for the check.
        var managers = AddManagers(2);
        try
        {
            await VerifyEscalationStates();
        }
        finally
        {
            foreach (var (user, role) in managers)
            {
                using var remove = Command("DELETE FROM \"AspNetUserRoles\" WHERE \"UserId\" = @u AND \"RoleId\" = @r", ("@u", user), ("@r", role));
                remove.ExecuteNonQuery();
            }
        }

        Reset();
    }

    /// <summary>Gives the last <paramref name="count"/> synthetic officers the Manager role; returns the rows added.</summary>
    private List<(Guid User, Guid Role)> AddManagers(int count)
    {
        var role = Single("SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"NormalizedName\" = 'MANAGER'", r => ReadGuid(r, 0));
        var officers = ListAsync(
            "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" LIKE 'synth-officer-%' AND \"IsDisabled\" = @f ORDER BY \"UserName\" DESC LIMIT @n",
            r => ReadGuid(r, 0), ("@f", false), ("@n", count)).GetAwaiter().GetResult();
        var added = new List<(Guid, Guid)>();
        foreach (var officer in officers)
        {
            using var add = Command(
                "INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT @u, @r WHERE NOT EXISTS (SELECT 1 FROM \"AspNetUserRoles\" WHERE \"UserId\" = @u AND \"RoleId\" = @r)",
                ("@u", officer), ("@r", role));
            if (add.ExecuteNonQuery() == 1)
            {
                added.Add((officer, role));
            }
        }

        return added;
    }

    private async Task VerifyEscalationStates()
    {
        foreach (var aged in new[] { false, true })
        {
            var state = aged ? "aged escalations" : "unswept";
            Prepare(aged);
            var before = ChainNow();
            var since = DateTime.UtcNow;
            var returned = await Escalation();

            // The baseline runs at the handler's own instant (read back from its stamps), so both apply the same cutoffs.
            var now = Single("SELECT MAX(\"EscalatedAtUtc\") FROM \"Projects\" WHERE \"EscalatedAtUtc\" >= @since",
                r => r.IsDBNull(0) ? since : ReadInstant(r, 0), ("@since", since));
            var handler = await OutcomeAsync("handler", returned, now, before);

            Prepare(aged);
            before = ChainNow();
            var baseline = await OutcomeAsync("SQL baseline", await EscalateSqlAsync(now), now, before);

            Same(state, "notices returned", handler.Returned, baseline.Returned);
            Same(state, "projects escalated per level", handler.Escalated, baseline.Escalated);
            Same(state, "notices per kind (rows, characters)", handler.Notices, baseline.Notices);
            Same(state, "outbox rows", handler.Outbox, baseline.Outbox);
            Same(state, "audit rows", handler.Audit, baseline.Audit);
            Console.WriteLine($"// 六未 escalation, {state}: handler = baseline: {handler}");
        }
    }

    /// <summary>
    /// <see cref="Reset"/>, and for the aged state, 六未-stage projects picked by the last digit of their code given an
    /// earlier escalation: owner told 30 days ago (→ managers copied), managers copied 30 days ago (→ reassignment),
    /// owner told yesterday (stays), reassignment proposed (stays), managers copied in an earlier stay (→ owner told again).
    /// </summary>
    private void Prepare(bool aged)
    {
        Reset();
        if (!aged)
        {
            return;
        }

        var now = DateTime.UtcNow;
        foreach (var (digits, level, at, sameStay) in new[]
        {
            ("12", 1, now.AddDays(-30), true),
            ("3", 2, now.AddDays(-30), true),
            ("4", 1, now.AddDays(-1), true),
            ("5", 3, now.AddDays(-30), true),
            ("6", 2, now.AddDays(-30), false),
        })
        {
            var lastDigit = string.Join(" OR ", digits.Select(d => $"\"Code\" LIKE '%{d}'"));
            using var command = sameStay
                ? Command(
                    "UPDATE \"Projects\" SET \"EscalationLevel\" = @level, \"EscalatedAtUtc\" = @at, \"EscalatedStageEnteredAtUtc\" = \"StageEnteredAtUtc\" " +
                    $"WHERE \"Stage\" >= 3 AND \"Stage\" <= 8 AND ({lastDigit})",
                    ("@level", level), ("@at", at))
                : Command(
                    "UPDATE \"Projects\" SET \"EscalationLevel\" = @level, \"EscalatedAtUtc\" = @at, \"EscalatedStageEnteredAtUtc\" = @other " +
                    $"WHERE \"Stage\" >= 3 AND \"Stage\" <= 8 AND ({lastDigit})",
                    ("@level", level), ("@at", at), ("@other", AnotherStay));
            command.ExecuteNonQuery();
        }
    }

    private sealed record Chain(long LastAuditId, long Sequence, string Hash);

    private sealed record Outcome(int Returned, string Escalated, string Notices, long Outbox, string Audit)
    {
        public override string ToString() => $"{Returned} notices; escalated {Escalated}; notices {Notices}; {Outbox} outbox rows; audit {Audit}";
    }

    private Chain ChainNow() => Single(
        "SELECT (SELECT COALESCE(MAX(a.\"Id\"), 0) FROM \"AuditEntries\" a), h.\"Sequence\", h.\"Hash\" FROM \"AuditChainHeads\" h WHERE h.\"Id\" = 1",
        r => new Chain(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetInt64(1), r.GetString(2)));

    /// <summary>What one run wrote: stamps at its instant, its notices (all, after the reset), e-mails, and audit rows
    /// — which must be linked into the chain after the head it found (each re-hashed here), the head moved to the last.</summary>
    private async Task<Outcome> OutcomeAsync(string side, int returned, DateTime now, Chain before)
    {
        var levels = await ListAsync(
            "SELECT \"EscalationLevel\", COUNT(*) FROM \"Projects\" WHERE \"EscalatedAtUtc\" >= @now GROUP BY \"EscalationLevel\" ORDER BY \"EscalationLevel\"",
            r => string.Create(CultureInfo.InvariantCulture, $"L{r.GetInt32(0)}: {r.GetInt64(1)}"), ("@now", now));
        var notices = await ListAsync(
            "SELECT \"Kind\", COUNT(*), SUM(LENGTH(\"Title\") + LENGTH(COALESCE(\"Body\", '')) + LENGTH(COALESCE(\"Link\", ''))) FROM \"Notifications\" " +
            "WHERE \"Period\" IS NOT NULL AND \"Kind\" IN (@escalated, @copy, @reassign) GROUP BY \"Kind\" ORDER BY \"Kind\"",
            r => string.Create(CultureInfo.InvariantCulture, $"{r.GetString(0)}: {r.GetInt64(1)} ({r.GetInt64(2)})"),
            ("@escalated", JobKinds.Escalated), ("@copy", JobKinds.EscalatedCopy), ("@reassign", JobKinds.Reassign));
        var outbox = Single("SELECT COUNT(*) FROM \"OutboxEmails\"", r => r.GetInt64(0));
        var audit = await ListAsync(
            "SELECT \"Sequence\", \"PreviousHash\", \"Hash\", \"AtUtc\", \"ActorId\", \"ActorName\", \"EntityType\", \"EntityId\", \"Action\", \"Changes\" " +
            "FROM \"AuditEntries\" WHERE \"Id\" > @last ORDER BY \"Id\"",
            r => (Sequence: ReadNullableLong(r, 0), Previous: ReadString(r, 1), Hash: ReadString(r, 2), At: ReadInstant(r, 3), Actor: ReadNullableGuid(r, 4),
                ActorName: r.GetString(5), Type: r.GetString(6), Id: r.GetString(7), Action: (AuditAction)r.GetInt32(8), Changes: r.GetString(9)),
            ("@last", before.LastAuditId));
        var after = ChainNow();

        var (sequence, hash) = (before.Sequence, before.Hash);
        foreach (var row in audit)
        {
            var expected = AuditHash.Compute(sequence + 1, hash, row.At, row.Actor, row.ActorName, row.Type, row.Id, row.Action, row.Changes);
            if (row.Sequence != sequence + 1 || row.Previous != hash || row.Hash != expected)
            {
                throw new InvalidOperationException($"六未 escalation: the {side}'s audit row {row.Sequence} is not linked into the chain after {sequence}.");
            }

            (sequence, hash) = (sequence + 1, expected);
        }

        if (after.Sequence != sequence || after.Hash != hash)
        {
            throw new InvalidOperationException($"六未 escalation: after the {side} the chain head is at {after.Sequence}, its last audit row at {sequence}.");
        }

        return new Outcome(
            returned,
            levels.Count == 0 ? "none" : string.Join(", ", levels),
            notices.Count == 0 ? "none" : string.Join(", ", notices),
            outbox,
            $"{audit.Count} row(s) {string.Join("; ", audit.Select(a => $"{a.Type} {a.Id} {a.Changes}"))}");
    }

    private void Same<T>(string state, string what, T handler, T baseline)
    {
        if (!EqualityComparer<T>.Default.Equals(handler, baseline))
        {
            throw new InvalidOperationException($"六未 escalation ({state}), {what}: the handler says {handler}, the SQL baseline {baseline}.");
        }

        if (LogSql)
        {
            Console.WriteLine($"// {nameof(JobSweepBenchmarks)} ({state}): {what} = {handler} (handler = baseline)");
        }
    }
}
