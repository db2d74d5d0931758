using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.CreateLead;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using KunshanInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>The per-year project counter (ADR 0020) on a real SQLite database.</summary>
public sealed class ProjectCodeAllocatorTests
{
    private static async Task<int?> LastAsync(TestDatabase database, int year)
    {
        await using var db = database.NewContext();
        return await db.Set<ProjectCodeCounter>().AsNoTracking().Where(c => c.Year == year).Select(c => (int?)c.Last).SingleOrDefaultAsync();
    }

    /// <summary>Projects written past the allocator, as the demo seed and old data are.</summary>
    private static async Task<Guid> AddProjectsAsync(TestDatabase database, params string[] codes)
    {
        var owner = await database.AddUserAsync($"owner{Guid.NewGuid():N}"[..20]);
        await using var db = database.NewContext();
        foreach (var code in codes)
        {
            db.Projects.Add(new InvestmentProject(code, code, SourceChannel.WalkIn, owner, database.Clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();
        return owner;
    }

    private static async Task<int> ReserveAsync(TestDatabase database, int year, int count)
    {
        await using var db = database.NewContext();
        return await database.Allocator(db).ReserveAsync(year, count, CancellationToken.None);
    }

    [Fact]
    public async Task An_empty_year_starts_at_one_and_each_reservation_takes_the_next_number()
    {
        await using var database = await TestDatabase.CreateAsync();

        Assert.Null(await LastAsync(database, 2026));
        Assert.Equal(1, await ReserveAsync(database, 2026, 1));
        Assert.Equal(2, await ReserveAsync(database, 2026, 1));
        Assert.Equal(2, await LastAsync(database, 2026));
    }

    [Fact]
    public async Task A_year_with_saved_codes_starts_after_its_highest_and_other_years_keep_their_own_count()
    {
        await using var database = await TestDatabase.CreateAsync();
        await AddProjectsAsync(database, "KS-2026-00007", "KS-2026-00041", "KS-2025-00099", "KS-2027-00500", "SY-2026-900000");

        Assert.Equal(42, await ReserveAsync(database, 2026, 1));
        Assert.Equal(100, await ReserveAsync(database, 2025, 1));
        Assert.Equal(1, await ReserveAsync(database, 2024, 1));
        Assert.Equal(43, await ReserveAsync(database, 2026, 1));
    }

    [Fact]
    public async Task Several_numbers_at_once_are_consecutive_and_the_next_caller_continues_after_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        await AddProjectsAsync(database, "KS-2026-00003");

        await using var db = database.NewContext();
        var allocator = database.Allocator(db);
        var batch = await ProjectCodes.NextAsync(allocator, 2026, 4, CancellationToken.None);
        var next = await ProjectCodes.NextAsync(allocator, 2026, CancellationToken.None);

        Assert.Equal(["KS-2026-00004", "KS-2026-00005", "KS-2026-00006", "KS-2026-00007"], batch);
        Assert.Equal("KS-2026-00008", next);
        Assert.Empty(await ProjectCodes.NextAsync(allocator, 2026, 0, CancellationToken.None));
        Assert.Equal(8, await LastAsync(database, 2026));
    }

    [Fact]
    public async Task Concurrent_reservations_on_separate_connections_never_share_a_number()
    {
        await using var database = await TestDatabase.CreateAsync();
        await AddProjectsAsync(database, "KS-2026-00010");

        // The year's row does not exist yet: the first callers also race to create it.
        var firsts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => ReserveAsync(database, 2026, 1 + (i % 3)))));
        var numbers = firsts.Zip(Enumerable.Range(0, 16), (first, i) => Enumerable.Range(first, 1 + (i % 3))).SelectMany(n => n).Order().ToList();

        Assert.Equal(Enumerable.Range(11, numbers.Count), numbers);
        Assert.Equal(10 + numbers.Count, await LastAsync(database, 2026));
    }

    [Fact]
    public async Task A_code_written_past_the_counter_is_skipped_by_the_safety_net_and_the_lead_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sector = await OfficerAndSectorAsync(database);

        Assert.Equal("KS-2026-00001", (await CreateLeadAsync(database, sector, "甲")).Code);

        // Written without the counter (an old import, a hand-made row): the counter still says 1.
        await AddProjectsAsync(database, "KS-2026-00002", "KS-2026-00003");
        var lead = await CreateLeadAsync(database, sector, "乙");

        Assert.Equal("KS-2026-00004", lead.Code);
        Assert.Equal(4, await LastAsync(database, 2026));
        await using var check = database.NewContext();
        Assert.Equal(4, await check.Projects.CountAsync(p => p.Code.StartsWith("KS-2026-")));
    }

    [Fact]
    public async Task A_lead_reserves_its_code_in_one_counter_statement_and_reads_no_highest_code()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sector = await OfficerAndSectorAsync(database);
        await CreateLeadAsync(database, sector, "甲");

        var statements = new StatementCounter();
        await CreateLeadAsync(database, sector, "乙", statements);

        Assert.Single(statements.Readers, s => s.Contains("\"ProjectCodeCounters\"", StringComparison.Ordinal));
        Assert.DoesNotContain(statements.Readers, s => s.Contains("ORDER BY \"p\".\"Code\" DESC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reservation_inside_an_open_transaction_takes_the_audit_head_first_and_ends_with_the_transaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(1, await ReserveAsync(database, 2026, 1));

        var statements = new StatementCounter();
        await using (var db = database.NewContext(statements))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(2, await database.Allocator(db).ReserveAsync(2026, 1, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Collection(
            statements.Readers,
            head => Assert.Contains("\"AuditChainHeads\"", head, StringComparison.Ordinal),
            counter => Assert.Contains("\"ProjectCodeCounters\"", counter, StringComparison.Ordinal));

        Assert.Equal(2, await ReserveAsync(database, 2026, 1));
    }

    [Fact]
    public async Task Catching_up_never_moves_a_counter_back_and_fills_every_year_in_one_go()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(1, await ReserveAsync(database, 2026, 50));
        await AddProjectsAsync(database, "KS-2026-00012", "KS-2025-00030");

        await using (var db = database.NewContext())
        {
            await database.Allocator(db).CatchUpAsync(null, CancellationToken.None);
        }

        Assert.Equal(50, await LastAsync(database, 2026));
        Assert.Equal(30, await LastAsync(database, 2025));
    }

    [Fact]
    public async Task The_counter_is_bookkeeping_and_leaves_no_audit_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        await AddProjectsAsync(database, "KS-2026-00001");
        await ReserveAsync(database, 2026, 3);

        await using var db = database.NewContext();
        Assert.Equal(4, await LastAsync(database, 2026));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType.Contains("Counter")));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(InvestmentProject)));
    }

    private static async Task<Guid> OfficerAndSectorAsync(TestDatabase database)
    {
        var officer = await database.AddUserAsync("officer");
        database.User = new TestUser { Id = officer, UserName = "officer" };
        database.User.Roles.Add(Roles.Officer);
        var sector = new Sector("coffee", "咖啡", "Coffee");
        await using var db = database.NewContext();
        db.Sectors.Add(sector);
        await db.SaveChangesAsync();
        return sector.Id;
    }

    private static async Task<LeadCreated> CreateLeadAsync(TestDatabase database, Guid sector, string enterprise, StatementCounter? statements = null)
    {
        await using var db = statements is null ? database.NewContext() : database.NewContext(statements);
        var handler = new CreateLeadHandler(db, database.Allocator(db), database.User, new UserDirectory(db, database.Clock), new Notifier(db, database.Clock), database.Clock);
        return await handler.Handle(new CreateLead(null, new NewEnterprise(enterprise, null), sector, SourceChannel.Expo), CancellationToken.None);
    }
}
