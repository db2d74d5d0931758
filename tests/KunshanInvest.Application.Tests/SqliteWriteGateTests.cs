using System.Data.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// Concurrent saves on one SQLite database queue at <see cref="SqliteWriteGate"/> instead of meeting a busy database
/// (where Microsoft.Data.Sqlite sleeps 150 ms per retry): a save begins its transaction only after the previous one
/// ended, and every save still lands.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private const int Writers = 16;

    [Fact]
    public async Task Concurrent_audited_saves_begin_their_transactions_one_after_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        var transactions = new TransactionsInFlight();
        using var start = new Barrier(Writers);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext(transactions);
            db.Enterprises.Add(new Enterprise($"排队写入企业{i}", null, "CN", Ownership.Domestic));
            start.SignalAndWait();
            await db.SaveChangesAsync();
        })));

        Assert.Equal(1, transactions.Most);
        Assert.Equal(Writers, transactions.Committed);
        await using var check = database.NewContext();
        Assert.Equal(Writers, await check.Enterprises.CountAsync(e => e.NameZh!.StartsWith("排队写入企业")));
        Assert.Equal(Writers, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(Enterprise)));
    }

    [Fact]
    public async Task A_failed_save_passes_the_turn_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Enterprises.Add(new Enterprise("重复写入企业", null, "CN", Ownership.Domestic));
            await db.SaveChangesAsync();
        }

        // The same primary key again: the insert fails inside the gated transaction.
        await using (var db = database.NewContext())
        {
            var first = await db.Enterprises.AsNoTracking().SingleAsync(e => e.NameZh == "重复写入企业");
            db.Entry(first).State = EntityState.Added;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.NewContext())
        {
            db.Enterprises.Add(new Enterprise("之后写入企业", null, "CN", Ownership.Domestic));
            await FinishesAsync(db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_concurrency_conflict_passes_the_turn_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid id;
        await using (var db = database.NewContext())
        {
            var enterprise = new Enterprise("版本冲突企业", null, "CN", Ownership.Domestic);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync();
            id = enterprise.Id;
        }

        await using (var first = database.NewContext())
        await using (var second = database.NewContext())
        {
            var mine = await first.Enterprises.SingleAsync(e => e.Id == id);
            var theirs = await second.Enterprises.SingleAsync(e => e.Id == id);
            theirs.Describe(true, false, null, "先保存");
            await second.SaveChangesAsync();
            mine.Describe(false, true, null, "后保存");
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

            // Another writer, while the loser's context is still alive (as the rest of its request runs).
            await using var third = database.NewContext();
            third.Enterprises.Add(new Enterprise("冲突之后企业", null, "CN", Ownership.Domestic));
            await FinishesAsync(third.SaveChangesAsync());

            // And the loser's own context can save again.
            first.Entry(mine).State = EntityState.Detached;
            first.Enterprises.Add(new Enterprise("再之后企业", null, "CN", Ownership.Domestic));
            await FinishesAsync(first.SaveChangesAsync());
        }
    }

    /// <summary>A save that waits for a turn nobody passes on never ends: fail instead of hanging the run.</summary>
    private static async Task FinishesAsync(Task saving)
    {
        Assert.Same(saving, await Task.WhenAny(saving, Task.Delay(TimeSpan.FromSeconds(30))));
        await saving;
    }

    /// <summary>Transactions begun and not yet ended, at most, over the test.</summary>
    private sealed class TransactionsInFlight : DbTransactionInterceptor
    {
        private int _now;
        private int _most;
        private int _committed;

        public int Most => Volatile.Read(ref _most);

        public int Committed => Volatile.Read(ref _committed);

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _committed);
            Interlocked.Decrement(ref _now);
            return Task.CompletedTask;
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Decrement(ref _now);
            return Task.CompletedTask;
        }
    }
}
