using KunshanInvest.Application.Auditing;
using KunshanInvest.Application.Auditing.PurgeAudit;
using KunshanInvest.Application.Auditing.VerifyAudit;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Infrastructure.Jobs;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Tests;

/// <summary>The hash chain on a real SQLite database: appends, the first broken link after tampering, sealing, retention.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task AddParksAsync(int count, string prefix = "p")
    {
        for (var i = 0; i < count; i++)
        {
            await using var db = _database.NewContext();
            db.Parks.Add(new Park($"{prefix}{i}-{Guid.NewGuid():N}"[..20], $"园区{i}", $"Park {i}", null));
            await db.SaveChangesAsync();
        }
    }

    private async Task<AuditVerification> VerifyAsync(int batchSize = AuditChainVerifier.DefaultBatchSize)
    {
        await using var db = _database.NewContext();
        return await AuditChainVerifier.VerifyAsync(db, new AuditChainHeadStore(db), null, CancellationToken.None, batchSize);
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = _database.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Every_save_links_its_entries_gap_free_after_the_head_and_the_chain_verifies()
    {
        await AddParksAsync(5);
        await using (var db = _database.NewContext())
        {
            // Two entries in one save, and one a handler adds itself (as the jobs do).
            db.Parks.Add(new Park("two-a", "甲", "A", null));
            db.AuditEntries.Add(new AuditEntry(_database.Clock.Now.UtcDateTime, null, "system", "Job:test", "2026-06-30", AuditAction.Created, "[]"));
            await db.SaveChangesAsync();
        }

        await using var read = _database.NewContext();
        var entries = await read.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        var head = await read.AuditChainHeads.SingleAsync();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long?)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, entries[0].PreviousHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal((entries.Count, entries[^1].Hash), (head.Sequence, head.Hash));

        var result = await VerifyAsync(batchSize: 3);
        Assert.True(result.Intact, result.Summary);
        Assert.Equal(entries.Count, result.RowsChecked);
    }

    [Fact]
    public async Task An_altered_entry_is_reported_at_that_entry()
    {
        await AddParksAsync(6);
        await SqlAsync("""UPDATE "AuditEntries" SET "Changes" = '[]' WHERE "Sequence" = 4""");

        var result = await VerifyAsync(batchSize: 2);

        Assert.False(result.Intact);
        Assert.Equal((4L, AuditBreakKind.Altered), (result.Break!.Sequence, result.Break.Kind));
        Assert.Equal(3, result.RowsChecked);
    }

    [Fact]
    public async Task A_deleted_middle_entry_is_reported_missing_at_its_place()
    {
        await AddParksAsync(6);
        await SqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 3""");

        var result = await VerifyAsync();

        Assert.Equal((3L, AuditBreakKind.Missing), (result.Break!.Sequence, result.Break.Kind));
        Assert.Contains("entries 3–3 are missing", result.Break.DetailEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_entry_is_detected_through_the_head()
    {
        await AddParksAsync(4);
        await SqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 4""");

        var result = await VerifyAsync();

        Assert.Equal((4L, AuditBreakKind.Truncated, (long?)null), (result.Break!.Sequence, result.Break.Kind, result.Break.EntryId));
    }

    [Fact]
    public async Task Swapped_entries_are_reported_as_reordered()
    {
        await AddParksAsync(5);
        await SqlAsync("""
            UPDATE "AuditEntries" SET "Sequence" = -1 WHERE "Sequence" = 2;
            UPDATE "AuditEntries" SET "Sequence" = 2 WHERE "Sequence" = 3;
            UPDATE "AuditEntries" SET "Sequence" = 3 WHERE "Sequence" = -1;
            """);

        var result = await VerifyAsync();

        Assert.Equal((2L, AuditBreakKind.Reordered), (result.Break!.Sequence, result.Break.Kind));
        Assert.Contains("linked at sequence 3", result.Break.DetailEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_whose_hash_was_recomputed_breaks_the_next_link()
    {
        await AddParksAsync(4);
        await using (var db = _database.NewContext())
        {
            // A careful forger alters entry 2 and fixes its own hash; entry 3 still names the old one.
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            var forged = AuditHash.Compute(2, entry.PreviousHash!, entry.AtUtc, entry.ActorId, "someone-else", entry.EntityType, entry.EntityId, entry.Action, entry.Changes);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "ActorName" = 'someone-else', "Hash" = {forged} WHERE "Sequence" = 2""");
        }

        var result = await VerifyAsync();

        Assert.Equal((3L, AuditBreakKind.BrokenLink), (result.Break!.Sequence, result.Break.Kind));
    }

    [Fact]
    public async Task A_row_written_around_the_application_is_reported_as_outside_the_chain()
    {
        await AddParksAsync(2);
        await SqlAsync("""
            INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "Action", "Changes")
            VALUES ('2026-06-30 08:00:00', NULL, 'intruder', 'Park', 'x', 0, '[]')
            """);

        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.Unchained, result.Break!.Kind);
        Assert.Equal(2, result.RowsChecked);
    }

    [Fact]
    public async Task A_failed_save_leaves_no_gap_in_the_chain()
    {
        await AddParksAsync(2);
        await using (var db = _database.NewContext())
        {
            var code = (await db.Parks.FirstAsync()).Code;
            db.Parks.Add(new Park(code, "重复", "Duplicate", null));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

            // The same context saves something else afterwards: it follows on directly.
            db.ChangeTracker.Clear();
            db.Parks.Add(new Park("after-fail", "之后", "After", null));
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Summary);
        Assert.Equal(3, result.RowsChecked);
    }

    [Fact]
    public async Task A_failed_lock_ends_the_transaction_it_opened_and_the_next_save_links_normally()
    {
        await AddParksAsync(1);
        await using (var db = _database.NewContext(new FailOnce("SET \"Sequence\" = \"Sequence\"")))
        {
            db.Parks.Add(new Park("lock-fails", "锁失败", "Lock fails", null));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);

            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Summary);
        Assert.Equal(2, result.RowsChecked);
    }

    private sealed class FailOnce(string fragment) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private bool _failed;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!_failed && command.CommandText.Contains(fragment, StringComparison.Ordinal))
            {
                _failed = true;
                throw new InvalidOperationException("The lock failed (simulated).");
            }

            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Entries_written_before_the_chain_are_sealed_once_at_first_start()
    {
        // As the migration leaves an existing database: rows without a place in the chain, an unsealed head.
        await SqlAsync("""
            INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "Action", "Changes")
            VALUES ('2026-01-01 08:00:00', NULL, 'admin', 'Park', 'a', 0, '[]'), ('2026-01-02 08:00:00', NULL, 'admin', 'Park', 'b', 1, '[{{"Field":"NameZh","Old":"甲","New":"乙"}}]')
            """);
        Assert.Equal(AuditBreakKind.Unchained, (await VerifyAsync()).Break?.Kind);

        await using (var db = _database.NewContext())
        {
            Assert.Equal(2, await AuditChainSealer.SealAsync(db, _database.Dialect, _database.Clock.Now.UtcDateTime, CancellationToken.None));
        }

        await AddParksAsync(1);
        await SqlAsync("""
            INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "Action", "Changes")
            VALUES ('2026-06-30 08:00:00', NULL, 'intruder', 'Park', 'x', 0, '[]')
            """);
        await using (var db = _database.NewContext())
        {
            // A later start seals nothing: the intruder's row stays outside the chain.
            Assert.Equal(0, await AuditChainSealer.SealAsync(db, _database.Dialect, _database.Clock.Now.UtcDateTime, CancellationToken.None));
        }

        var result = await VerifyAsync();
        Assert.Equal(3, result.RowsChecked);
        Assert.Equal(AuditBreakKind.Unchained, result.Break?.Kind);
    }

    [Fact]
    public async Task An_entry_numbered_past_the_chain_head_is_reported_outside_the_chain()
    {
        await AddParksAsync(2);
        var intact = await VerifyAsync();
        Assert.Null(intact.Break);

        // Written around the application with the next free sequence: the head (moved by every real append) never saw it.
        var next = intact.HeadSequence + 1;
        await SqlAsync($"""
            INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "Action", "Changes", "Sequence", "PreviousHash", "Hash")
            VALUES ('2026-06-30 08:00:00', NULL, 'intruder', 'Park', 'x', 0, '[]', {next}, 'x', 'x')
            """);

        var result = await VerifyAsync();
        Assert.Equal(AuditBreakKind.Unchained, result.Break?.Kind);
        Assert.Equal(next, result.Break?.Sequence);
    }

    [Theory]
    [InlineData(184)]
    [InlineData(10)]
    public async Task Purging_keeps_every_entry_younger_than_184_days_and_the_rest_still_verifies(int configuredDays)
    {
        var now = _database.Clock.Now;
        _database.Clock.Now = now.AddDays(-400);
        await AddParksAsync(3, "old");
        _database.Clock.Now = now.AddDays(-183);
        await AddParksAsync(2, "young");
        _database.Clock.Now = now;
        await AddParksAsync(1, "new");

        JobResultOf(await PurgeAsync(configuredDays));

        await using var db = _database.NewContext();
        var kept = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        var head = await db.AuditChainHeads.SingleAsync();
        Assert.DoesNotContain(kept, e => e.EntityType == "Park" && e.AtUtc < now.UtcDateTime.AddDays(-300));
        Assert.Equal(3, kept.Count(e => e.EntityType == "Park"));
        Assert.Equal(3, head.AnchorSequence);
        Assert.Contains(kept, e => e.Action == AuditAction.Purged);

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Summary);
        Assert.Equal(4, result.FromSequence);
    }

    [Fact]
    public async Task A_broken_chain_is_not_purged()
    {
        var now = _database.Clock.Now;
        _database.Clock.Now = now.AddDays(-400);
        await AddParksAsync(3);
        _database.Clock.Now = now;
        await SqlAsync("""UPDATE "AuditEntries" SET "ActorName" = 'x' WHERE "Sequence" = 2""");

        Assert.Equal(0, JobResultOf(await PurgeAsync(184)));

        await using var db = _database.NewContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_save_adds_one_statement_for_the_chain_whatever_the_number_of_entries()
    {
        await AddParksAsync(1);
        var counter = new CommandCounter();
        await using (var db = _database.NewContext(counter))
        {
            for (var i = 0; i < 20; i++)
            {
                db.Parks.Add(new Park($"many-{i}", $"园区{i}", $"Park {i}", null));
            }

            await db.SaveChangesAsync();
        }

        Assert.Single(counter.Commands, c => c.Contains("SET \"Sequence\" = \"Sequence\"", StringComparison.Ordinal));
        Assert.Single(counter.Commands, c => c.Contains("UPDATE \"AuditChainHeads\" SET \"Hash\"", StringComparison.Ordinal));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Verification_through_the_handler_is_itself_audited()
    {
        await AddParksAsync(2);
        _database.User = TestUser.As("auditor", Common.Security.Roles.Auditor);
        await using (var db = _database.NewContext())
        {
            var result = await new VerifyAuditHandler(db, new AuditChainHeadStore(db), _database.User, _database.Clock).Handle(new VerifyAudit(), CancellationToken.None);
            Assert.True(result.Intact);
        }

        await using var read = _database.NewContext();
        var recorded = await read.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal((AuditAction.Verified, "auditor", AuditChainVerifier.EntityType), (recorded.Action, recorded.ActorName, recorded.EntityType));
        Assert.Contains("audit.verified.intact", recorded.Changes, StringComparison.Ordinal); // a code, worded when read
        Assert.True((await VerifyAsync()).Intact);
    }

    private async Task<Jobs.JobResult> PurgeAsync(int days)
    {
        await using var db = _database.NewContext();
        return await new PurgeAuditHandler(db, new AuditChainHeadStore(db), new JobSql(db, _database.Dialect), Options.Create(new AuditOptions { RetentionDays = days }), _database.Clock)
            .Handle(new PurgeAudit(), CancellationToken.None);
    }

    private static int JobResultOf(Jobs.JobResult result) => result.Effects;
}

/// <summary>Every statement sent, whatever it returns.</summary>
public sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();

    public IReadOnlyCollection<string> Commands => _commands;

    public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
