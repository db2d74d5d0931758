using BenchmarkDotNet.Attributes;
using KunshanInvest.Application.Projects.CreateLead;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Bench;

/// <summary>
/// 新线索: an officer logs a lead for an enterprise on file (one with no projects, so no conflict notices). Baseline:
/// the same code reservation (the counter's UPDATE … RETURNING) and lookups (enterprise, sector, other officers' projects) and the same rows — project, first
/// stage change, two audit entries linked into the hash chain after its locked head — in one transaction. Each invocation adds a lead and commits (so the disk's
/// fsync is part of the figure), and on SQLite this class works on its own copy of the cached database.
/// </summary>
public class CreateLeadBenchmarks : HandlerBenchmark
{
    private static readonly string Copy = Path.Combine(Path.GetDirectoryName(BenchDatabase.SqliteFile)!, "create-lead-copy.db");
    private Guid _enterprise;
    private Guid _sector;

    protected override string ConnectionString => IsSqlite ? $"Data Source={Copy}" : base.ConnectionString;

    protected override void Setup()
    {
        (_enterprise, _sector) = Single(
            "SELECT e.\"Id\", (SELECT s.\"Id\" FROM \"Sectors\" s WHERE s.\"IsActive\" = @active ORDER BY s.\"Code\" LIMIT 1) FROM \"Enterprises\" e " +
            "WHERE e.\"MergedIntoId\" IS NULL AND NOT EXISTS (SELECT 1 FROM \"Projects\" p WHERE p.\"EnterpriseId\" = e.\"Id\") ORDER BY e.\"Id\" LIMIT 1",
            r => (ReadGuid(r, 0), ReadGuid(r, 1)),
            ("@active", true));
    }

    private static bool _copied;

    protected override void BeforeOpen()
    {
        // One copy per run, flushed to disk before anything is measured: each benchmark case runs its own global
        // setup, and a fresh 800 MB copy still being written back would slow the next case's commits (fsync).
        if (IsSqlite && !_copied)
        {
            File.Copy(BenchDatabase.SqliteFile, Copy, overwrite: true);
            using (var file = new FileStream(Copy, FileMode.Open, FileAccess.ReadWrite))
            {
                file.Flush(flushToDisk: true);
            }

            _copied = true;
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("log a lead")]
    public async Task<string> Lead_Sql()
    {
        var now = DateTime.UtcNow;

        // As the handler: the code is reserved first, by the counter's own autocommitted statement (ADR 0020).
        var code = await RawSql.NextProjectCodeAsync(Connection, IsSqlite, now.Year);
        var enterprise = await ListAsync(
            "SELECT \"Id\", \"NameZh\", \"NameEn\", \"MergedIntoId\" FROM \"Enterprises\" WHERE \"Id\" = @id", r => ReadString(r, 1) ?? ReadString(r, 2), ("@id", _enterprise));
        var active = await ListAsync("SELECT \"IsActive\" FROM \"Sectors\" WHERE \"Id\" = @id", r => r.GetBoolean(0), ("@id", _sector));
        var conflicts = await ListAsync(
            $"SELECT \"Id\", \"Code\", \"Name\", \"OwnerId\" FROM \"Projects\" WHERE \"EnterpriseId\" = @e AND \"OwnerId\" <> @o AND \"Stage\" <> {(int)ProjectStage.Lost} AND \"Stage\" <> {(int)ProjectStage.AtCapacity} ORDER BY \"Code\"",
            r => r.GetString(1), ("@e", _enterprise), ("@o", Officer.Id));
        if (enterprise.Count == 0 || active is not [true] || conflicts.Count > 0)
        {
            throw new InvalidOperationException("The baseline's enterprise or sector is not as set up.");
        }

        // The save, as the handler's unit of work: one transaction that first locks the audit chain head (ADR 0017).
        await using var transaction = await Connection.BeginTransactionAsync();
        (long Sequence, string Hash) head;
        await using (var lockHead = Command("UPDATE \"AuditChainHeads\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1 RETURNING \"Sequence\", \"Hash\""))
        {
            lockHead.Transaction = transaction;
            await using var reader = await lockHead.ExecuteReaderAsync();
            head = await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : throw new InvalidOperationException("No audit chain head.");
        }

        var id = Guid.CreateVersion7();
        var changeId = Guid.CreateVersion7();
        await using (var insert = Command(
            "INSERT INTO \"Projects\" (\"Id\", \"Code\", \"Name\", \"EnterpriseId\", \"SectorId\", \"Source\", \"OwnerId\", \"Stage\", \"StageEnteredAtUtc\", " +
            "\"LastActivityAtUtc\", \"CreatedAtUtc\", \"IsMajor\", \"IsDemo\", \"Version\") VALUES (@id, @code, @name, @e, @s, 3, @o, 0, @now, @now, @now, @f, @f, 0)",
            ("@id", id), ("@code", code), ("@name", $"{enterprise[0]} 投资项目"), ("@e", _enterprise), ("@s", _sector), ("@o", Officer.Id), ("@now", now), ("@f", false)))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync();
        }

        await using (var change = Command(
            "INSERT INTO \"StageChanges\" (\"Id\", \"ProjectId\", \"To\", \"AtUtc\", \"ByUserId\", \"IsJump\", \"IsBackward\") VALUES (@id, @p, 0, @now, @o, @f, @f)",
            ("@id", changeId), ("@p", id), ("@now", now), ("@o", Officer.Id), ("@f", false)))
        {
            change.Transaction = transaction;
            await change.ExecuteNonQueryAsync();
        }

        // Two audit rows linked after the head; the hash is the chain's canonical encoding (AuditHash, ADR 0017), the one
        // piece of app code the baseline uses: a second copy of it could only drift.
        var (sequence, hash) = head;
        foreach (var (entity, entityId) in new[] { (nameof(InvestmentProject), id), (nameof(StageChange), changeId) })
        {
            var changes = "[{\"field\":\"Code\",\"new\":\"" + code + "\"}]";
            var previous = hash;
            hash = AuditHash.Compute(++sequence, previous, now, Officer.Id, Officer.UserName, entity, entityId.ToString(), AuditAction.Created, changes);
            await using var audit = Command(
                "INSERT INTO \"AuditEntries\" (\"AtUtc\", \"ActorId\", \"ActorName\", \"EntityType\", \"EntityId\", \"Action\", \"Changes\", \"Sequence\", \"PreviousHash\", \"Hash\") " +
                "VALUES (@now, @o, @n, @t, @id, @a, @c, @seq, @prev, @hash)",
                ("@now", now), ("@o", Officer.Id), ("@n", Officer.UserName), ("@t", entity), ("@id", entityId.ToString()), ("@a", (int)AuditAction.Created), ("@c", changes),
                ("@seq", sequence), ("@prev", previous), ("@hash", hash));
            audit.Transaction = transaction;
            await audit.ExecuteNonQueryAsync();
        }

        await using (var advance = Command("UPDATE \"AuditChainHeads\" SET \"Sequence\" = @seq, \"Hash\" = @hash WHERE \"Id\" = 1", ("@seq", sequence), ("@hash", hash)))
        {
            advance.Transaction = transaction;
            await advance.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return code;
    }

    [Benchmark, BenchmarkCategory("log a lead")]
    public async Task<string> Lead_Handler() =>
        (await Host.CommandAsync(Officer, new CreateLead(_enterprise, null, _sector, SourceChannel.BusinessReferral))).Code;
}
