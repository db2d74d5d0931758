using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Ledger;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Application.Portal.Triage;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using KunshanInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>The portal's rules on a real SQLite database: duplicate check, 首报 attribution and its lapse, rewards, triage.</summary>
public sealed class PortalRulesTests
{
    private static readonly PortalOptions Options = new()
    {
        AttributionLapseDays = 30,
        RewardRates = new(StringComparer.OrdinalIgnoreCase) { ["Intermediary"] = 0.002m, ["ChamberOfCommerce"] = 0.001m },
    };

    private sealed class MemoryStore : IAttachmentStore
    {
        public Dictionary<string, byte[]> Files { get; } = [];

        public Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
        {
            var name = Guid.NewGuid().ToString("N") + ".bin";
            Files[name] = content;
            return Task.FromResult(name);
        }

        public Stream OpenRead(string storedName) => new MemoryStream(Files[storedName]);

        public void Delete(string storedName) => Files.Remove(storedName);
    }

    private sealed record World(TestDatabase Database, Guid Sector, Guid Officer, (Guid Partner, Guid User) A, (Guid Partner, Guid User) B, MemoryStore Store);

    private static async Task<World> ArrangeAsync(TestDatabase database)
    {
        var officer = await database.AddUserAsync("officer");
        var a = await PartnerAsync(database, "甲机构", PartnerType.Intermediary);
        var b = await PartnerAsync(database, "乙商会", PartnerType.ChamberOfCommerce);
        var sector = new Sector("coffee", "咖啡", "Coffee");
        await using var db = database.NewContext();
        db.Sectors.Add(sector);
        await db.SaveChangesAsync();
        return new World(database, sector.Id, officer, a, b, new MemoryStore());
    }

    private static async Task<(Guid Partner, Guid User)> PartnerAsync(TestDatabase database, string name, PartnerType type)
    {
        var user = await database.AddUserAsync($"u{Guid.NewGuid():N}"[..12]);
        var partner = new Partner(name, null, type, "CN", database.Clock.GetUtcNow().UtcDateTime);
        partner.Approve(database.Clock.GetUtcNow().UtcDateTime);
        await using var db = database.NewContext();
        db.Partners.Add(partner);
        db.PartnerMembers.Add(new PartnerMember(partner.Id, user, true, database.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return (partner.Id, user);
    }

    private static SubmitProject Submission(Guid sector, string? nameZh, string? creditCode = null, string? key = null, IReadOnlyList<UploadedFile>? files = null) =>
        new(nameZh, null, "CN", creditCode, "项目简介", sector, new MoneyDto(100_000_000, "CNY"), 20, 50, "联系人", null, null, files, key);

    private static async Task<SubmissionResult> SubmitAsync(World world, (Guid Partner, Guid User) who, SubmitProject command, Common.IJobScheduler? jobs = null)
    {
        world.Database.User = new TestUser { Id = who.User, UserName = "partner" };
        world.Database.User.Roles.Add(Roles.Partner);
        await using var db = world.Database.NewContext();
        return await new SubmitProjectHandler(db, world.Database.User, world.Store, Microsoft.Extensions.Options.Options.Create(Options), world.Database.Clock, jobs ?? new Common.NoJobScheduler(), Microsoft.Extensions.Logging.Abstractions.NullLogger<SubmitProjectHandler>.Instance, new IdempotencyStore(db)).Handle(command, CancellationToken.None);
    }

    private static async Task<T> AsOfficerAsync<T>(World world, Func<AppDbContext, TriageDesk, Task<T>> act)
    {
        world.Database.User = new TestUser { Id = world.Officer, UserName = "officer" };
        world.Database.User.Roles.Add(Roles.Officer);
        await using var db = world.Database.NewContext();
        return await act(db, new TriageDesk(db, world.Database.Allocator(db), world.Database.User, new Notifier(db, world.Database.Clock), world.Database.Clock));
    }

    /// <summary>The triage decisions the tests take, each through its own handler.</summary>
    private sealed class TriageDesk(AppDbContext db, IProjectCodeAllocator codes, Common.Security.ICurrentUser user, Notifier notifier, TimeProvider clock)
    {
        public ValueTask<TriageDecision> Handle(AcceptSubmission command, CancellationToken cancellationToken) =>
            new AcceptSubmissionHandler(db, codes, user, notifier, clock).Handle(command, cancellationToken);

        public ValueTask<TriageDecision> Handle(RejectSubmission command, CancellationToken cancellationToken) =>
            new RejectSubmissionHandler(db, user, notifier, clock).Handle(command, cancellationToken);

        public ValueTask<TriageDecision> Handle(MarkSubmissionDuplicate command, CancellationToken cancellationToken) =>
            new MarkSubmissionDuplicateHandler(db, user, notifier, clock).Handle(command, cancellationToken);
    }

    [Fact]
    public async Task The_duplicate_check_at_submission_finds_the_enterprise_by_normalised_name_and_its_open_project()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var enterprise = new Enterprise("福斯咖啡（昆山）有限公司", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject("KS-2026-00001", "福斯咖啡项目", SourceChannel.Expo, world.Officer, database.Clock.GetUtcNow().UtcDateTime);
        project.Place(enterprise.Id, world.Sector, null);
        await using (var db = database.NewContext())
        {
            db.AddRange(enterprise, project);
            await db.SaveChangesAsync();
        }

        var matched = await SubmitAsync(world, world.A, Submission(world.Sector, "福斯咖啡(昆山)"));
        var unmatched = await SubmitAsync(world, world.A, Submission(world.Sector, "全新企业"));

        await using var check = database.NewContext();
        var rows = await check.Submissions.ToDictionaryAsync(s => s.Id);
        Assert.Equal(enterprise.Id, rows[matched.Receipt.Id].MatchedEnterpriseId);
        Assert.Equal(project.Id, rows[matched.Receipt.Id].MatchedProjectId);
        Assert.Null(rows[unmatched.Receipt.Id].MatchedEnterpriseId);
    }

    [Fact]
    public async Task The_first_reporter_holds_attribution_until_it_lapses_then_another_partner_may_take_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);

        var first = await SubmitAsync(world, world.A, Submission(world.Sector, "瑞幸咖啡（中国）有限公司"));
        var late = await SubmitAsync(world, world.B, Submission(world.Sector, "瑞幸咖啡(中国)"));
        database.Clock.Now = database.Clock.Now.AddDays(31);
        var afterLapse = await SubmitAsync(world, world.B, Submission(world.Sector, "瑞幸咖啡"));

        Assert.False(first.Receipt.AlreadyReported);
        Assert.True(late.Receipt.AlreadyReported);
        Assert.False(afterLapse.Receipt.AlreadyReported);
        await using var db = database.NewContext();
        var holders = await db.Attributions.OrderBy(a => a.ReportedAtUtc).Select(a => a.PartnerId).ToListAsync();
        Assert.Equal([world.A.Partner, world.B.Partner], holders);
    }

    [Fact]
    public async Task Same_credit_code_is_the_same_enterprise_whatever_the_name()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);

        await SubmitAsync(world, world.A, Submission(world.Sector, "甲名称", "91320583MA0DP00132"));
        var late = await SubmitAsync(world, world.B, Submission(world.Sector, "完全不同的名称", "91320583ma0dp00132"));

        Assert.True(late.Receipt.AlreadyReported);
    }

    [Fact]
    public async Task Accepting_creates_a_partner_portal_lead_and_the_reward_follows_funds_in_place_at_the_types_rate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var submitted = await SubmitAsync(world, world.A, Submission(world.Sector, "甲乙烘焙有限公司"));

        var decision = await AsOfficerAsync(world, async (db, triage) => await triage.Handle(new AcceptSubmission(submitted.Receipt.Id), CancellationToken.None));
        await using (var db = database.NewContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Id == decision.ProjectId);
            // CNY 10 m in place, entered by the officer and verified by a manager: only verified figures earn.
            var figure = new Domain.Figures.FigureEntry(project.Id, Domain.Figures.FigureKind.FundsInPlace, 202605, 1_000_000_000, "CNY", 1_000_000_000, null, null, world.Officer, database.Clock.GetUtcNow().UtcDateTime);
            figure.Verify(await database.AddUserAsync("checker"), database.Clock.GetUtcNow().UtcDateTime);
            db.FigureEntries.Add(figure);
            await db.SaveChangesAsync();
            Assert.Equal(SourceChannel.PartnerPortal, project.Source);
            Assert.Equal(ProjectStage.Lead, project.Stage);
            Assert.Equal(project.Id, await db.Attributions.Where(a => a.SubmissionId == submitted.Receipt.Id).Select(a => a.ProjectId).SingleAsync());
        }

        var ledger = await LedgerAsync(world);
        database.Clock.Now = database.Clock.Now.AddDays(31);
        var lapsed = await LedgerAsync(world);

        var entry = Assert.Single(ledger);
        Assert.Equal(AttributionState.Active, entry.State);
        Assert.Equal(0.002m, entry.Rate);
        Assert.Equal(2_000_000, entry.RewardFen); // 0.2 % of CNY 10 m = CNY 20,000
        Assert.Equal(AttributionState.Lapsed, Assert.Single(lapsed).State);
        Assert.Equal(0, Assert.Single(lapsed).RewardFen);
    }

    private static async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(World world)
    {
        world.Database.User = TestUser.As("manager", Roles.Manager);
        await using var db = world.Database.NewContext();
        return await new GetLedgerHandler(db, Microsoft.Extensions.Options.Options.Create(Options), world.Database.Clock).Handle(new GetLedger(), CancellationToken.None);
    }

    [Fact]
    public async Task Rejecting_and_marking_duplicate_void_the_attribution()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var rejected = await SubmitAsync(world, world.A, Submission(world.Sector, "被退回企业"));
        var duplicate = await SubmitAsync(world, world.A, Submission(world.Sector, "重复企业"));
        var existing = new InvestmentProject("KS-2026-00009", "已有项目", SourceChannel.Expo, world.Officer, database.Clock.GetUtcNow().UtcDateTime);
        await using (var db = database.NewContext())
        {
            db.Projects.Add(existing);
            await db.SaveChangesAsync();
        }

        await AsOfficerAsync(world, async (_, triage) => await triage.Handle(new RejectSubmission(rejected.Receipt.Id, "不符合产业导向"), CancellationToken.None));
        await AsOfficerAsync(world, async (_, triage) => await triage.Handle(new MarkSubmissionDuplicate(duplicate.Receipt.Id, existing.Id), CancellationToken.None));

        var ledger = await LedgerAsync(world);
        Assert.All(ledger, e => Assert.Equal(AttributionState.Void, e.State));
        Assert.Equal(2, ledger.Count);
    }

    [Fact]
    public async Task Recording_lapses_is_one_statement_touching_only_stale_attributions_and_safe_to_repeat()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        await SubmitAsync(world, world.A, Submission(world.Sector, "旧报送企业"));
        database.Clock.Now = database.Clock.Now.AddDays(20);
        await SubmitAsync(world, world.B, Submission(world.Sector, "新报送企业"));
        database.Clock.Now = database.Clock.Now.AddDays(15); // the first is 35 days old, the second 15

        var counter = new StatementCounter();
        int first;
        await using (var db = database.NewContext(counter))
        {
            first = await new Portal.Ledger.RecordAttributionLapsesHandler(db, Microsoft.Extensions.Options.Options.Create(Options), database.Clock).Handle(new RecordAttributionLapses(), CancellationToken.None);
        }

        int second;
        await using (var db = database.NewContext())
        {
            second = await new Portal.Ledger.RecordAttributionLapsesHandler(db, Microsoft.Extensions.Options.Options.Create(Options), database.Clock).Handle(new RecordAttributionLapses(), CancellationToken.None);
        }

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Empty(counter.Queries);
        await using var check = database.NewContext();
        Assert.Equal([world.A.Partner], await check.Attributions.Where(a => a.LapsedAtUtc != null).Select(a => a.PartnerId).ToListAsync());
    }

    [Fact]
    public async Task An_idempotent_repeat_replays_the_first_receipt_and_another_body_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var files = new[] { new UploadedFile("a.pdf", "%PDF-1.4 x"u8.ToArray()) };

        var first = await SubmitAsync(world, world.A, Submission(world.Sector, "幂等企业", key: "k1", files: files));
        var repeat = await SubmitAsync(world, world.A, Submission(world.Sector, "幂等企业", key: "k1", files: files));
        await Assert.ThrowsAsync<IdempotencyMismatchException>(() => SubmitAsync(world, world.A, Submission(world.Sector, "别的企业", key: "k1")));
        var otherPartnerSameKey = await SubmitAsync(world, world.B, Submission(world.Sector, "幂等企业", key: "k1"));

        Assert.False(first.Replayed);
        Assert.True(repeat.Replayed);
        Assert.Equal(first.Json, repeat.Json);
        Assert.NotEqual(first.Receipt.Id, otherPartnerSameKey.Receipt.Id);
        Assert.Single(world.Store.Files);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Submissions.CountAsync());
    }

    [Fact]
    public async Task A_committed_submission_stays_whole_when_triage_on_arrival_cannot_be_queued()
    {
        // Found by the crash run on PostgreSQL: the job storage refused a connection after the commit, and the handler's
        // clean-up deleted the committed submission's file; the client's retry then replayed a receipt for a lost file.
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var files = new[] { new UploadedFile("a.pdf", "%PDF-1.4 x"u8.ToArray()) };
        var command = Submission(world.Sector, "排队失败企业", key: "k-q", files: files);

        var first = await SubmitAsync(world, world.A, command, new RefusingScheduler());
        var repeat = await SubmitAsync(world, world.A, command);

        Assert.False(first.Replayed);
        Assert.True(repeat.Replayed);
        Assert.Equal(first.Json, repeat.Json);
        var stored = Assert.Single(world.Store.Files);
        await using var db = database.NewContext();
        Assert.Equal(stored.Key, (await db.SubmissionAttachments.SingleAsync()).StoredName);
        Assert.Equal(1, await db.Submissions.CountAsync());
    }

    private sealed class RefusingScheduler : Common.IJobScheduler
    {
        public bool IsEnabled => true;

        public IReadOnlyList<Common.RecurringJobInfo> RecurringJobs() => [];

        public bool Trigger(string jobName) => throw new InvalidOperationException("no job storage");

        public void Enqueue(string jobName) => throw new InvalidOperationException("53300: sorry, too many clients already");
    }

    /// <summary>Holds the first file save until released, so a test can stall a request between its claim and its commit.</summary>
    private sealed class GatedStore(MemoryStore inner) : IAttachmentStore
    {
        private int _calls;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Reached.SetResult();
                await Release.Task;
            }

            return await inner.SaveAsync(content, cancellationToken);
        }

        public Stream OpenRead(string storedName) => inner.OpenRead(storedName);

        public void Delete(string storedName) => inner.Delete(storedName);
    }

    [Fact]
    public async Task A_repeat_taking_over_a_slow_request_makes_the_slow_one_fail_at_its_commit_so_exactly_one_submission_exists()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var files = new[] { new UploadedFile("a.pdf", "%PDF-1.4 x"u8.ToArray()) };
        var command = Submission(world.Sector, "慢请求企业", key: "k-slow", files: files);
        var gated = new GatedStore(world.Store);
        world.Database.User = new TestUser { Id = world.A.User, UserName = "partner" };
        world.Database.User.Roles.Add(Roles.Partner);

        // The first request claims the key and stalls before its commit (a long pause, a lock wait) past the takeover.
        await using var slowDb = database.NewContext();
        var slow = new SubmitProjectHandler(slowDb, world.Database.User, gated, Microsoft.Extensions.Options.Options.Create(Options), database.Clock, new Common.NoJobScheduler(), Microsoft.Extensions.Logging.Abstractions.NullLogger<SubmitProjectHandler>.Instance, new IdempotencyStore(slowDb))
            .Handle(command, CancellationToken.None).AsTask();
        await gated.Reached.Task;
        database.Clock.Now += Options.InFlightTakeover + TimeSpan.FromSeconds(1);

        var repeat = await SubmitAsync(world, world.A, command);
        gated.Release.SetResult();

        await Assert.ThrowsAsync<ConflictException>(() => slow);
        var again = await SubmitAsync(world, world.A, command);
        Assert.False(repeat.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(repeat.Json, again.Json);
        Assert.Single(world.Store.Files);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Submissions.CountAsync());
        Assert.Equal(1, await db.SubmissionAttachments.CountAsync());
        Assert.Equal(repeat.Receipt.Id, (await db.IdempotencyRecords.SingleAsync()).SubmissionId);
    }

    [Fact]
    public async Task A_failed_submission_leaves_no_file_no_row_and_frees_its_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var files = new[] { new UploadedFile("a.pdf", "%PDF-1.4 x"u8.ToArray()) };

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SubmitAsync(world, world.A, Submission(Guid.CreateVersion7(), "无产业链企业", key: "k2", files: files)));

        Assert.Empty(world.Store.Files);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Submissions.CountAsync());
        Assert.Equal(0, await db.IdempotencyRecords.CountAsync());
    }

    [Theory]
    [InlineData("a.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("a.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, false)]
    [InlineData("a.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, true)]
    [InlineData("a.JPG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, true)]
    [InlineData("a.gif", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, true)]
    [InlineData("a.webp", new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, true)]
    [InlineData("a.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, true)]
    [InlineData("a.xls", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, false)]
    [InlineData("a.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 }, false)]
    [InlineData("a.exe", new byte[] { 0x4D, 0x5A }, false)]
    [InlineData("a.html", new byte[] { 0x3C, 0x68 }, false)]
    public void Magic_bytes_must_match_the_extension(string name, byte[] content, bool ok)
    {
        Assert.Equal(ok, AttachmentRules.Problem(name, content) is null);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\temp\\report.pdf", "report.pdf")]
    [InlineData("a\u0000b<c>.pdf", "a_b_c_.pdf")]
    [InlineData("...", "file")]
    public void Client_file_names_are_reduced_to_display_names(string name, string expected)
    {
        Assert.Equal(expected, AttachmentRules.SafeName(name));
    }

    [Fact]
    public void References_are_public_year_prefixed_and_unguessable()
    {
        var references = Enumerable.Range(0, 1000).Select(_ => SubmissionReferences.New(2026)).ToList();

        Assert.All(references, r => Assert.Matches("^PS-2026-[2-9A-HJKMNP-TV-Z]{6}$", r));
        Assert.Equal(1000, references.Distinct().Count());
    }
}
