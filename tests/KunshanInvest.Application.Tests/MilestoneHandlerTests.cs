using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Milestones.RecordMilestone;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.MoveStage;
using KunshanInvest.Application.Projects.UpdateFigures;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>RecordMilestone, the facts the gates read, and the handlers that move or edit a project, on a real SQLite database.</summary>
public sealed class MilestoneHandlerTests
{
    private static readonly IOptions<AboveScaleOptions> Thresholds = Options.Create(new AboveScaleOptions());

    /// <summary>Attachments in a folder of the test's own.</summary>
    private sealed class FolderStore : IAttachmentStore
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("ki-evidence-").FullName;

        public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
        {
            var name = Guid.NewGuid().ToString("N");
            await File.WriteAllBytesAsync(Path.Combine(_folder, name), content, cancellationToken);
            return name;
        }

        public Stream OpenRead(string storedName) => File.OpenRead(Path.Combine(_folder, storedName));

        public void Delete(string storedName) => File.Delete(Path.Combine(_folder, storedName));
    }

    private sealed record World(Guid Officer, Guid Manager, Guid Project, InvestmentProject Registered);

    /// <summary>A project of the officer at 注册, with pledged output CNY 100 m a year.</summary>
    private static async Task<World> ArrangeAsync(TestDatabase database, ProjectStage stage = ProjectStage.Registered, StageFacts? facts = null)
    {
        var officer = await database.AddUserAsync("officer");
        var manager = await database.AddUserAsync("manager");
        database.User = new TestUser { Id = officer, UserName = "officer" };
        database.User.Roles.Add(Roles.Officer);
        var sector = new Sector("coffee", "咖啡", "Coffee");
        var park = new Park("kdz", "昆山开发区", "Kunshan Development Zone", null);
        var enterprise = new Enterprise("节点测试咖啡", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject("KS-2026-00077", "节点测试", SourceChannel.WalkIn, officer, database.Clock.GetUtcNow().UtcDateTime.AddYears(-2));
        project.Place(enterprise.Id, sector.Id, park.Id);
        project.Pledge(Money.CnyWan(10_000m), null, 50, null, 100_000_000_00, null);
        project.RegisterProjectCompany("91320583MA0DE0013C");
        project.MoveTo(stage, new StageActor(manager, IsManager: true), null, database.Clock.GetUtcNow().UtcDateTime.AddYears(-1), facts ?? StageFacts.None);
        await using var db = database.NewContext();
        db.AddRange(sector, park, enterprise, project);
        await db.SaveChangesAsync();
        return new World(officer, manager, project.Id, project);
    }

    private static RecordMilestoneHandler Record(TestDatabase database, Infrastructure.Persistence.AppDbContext db) =>
        new(db, database.User, new FolderStore(), database.Clock, Thresholds);

    private static async Task<int> VersionAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext();
        return await db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }

    private static void Act(TestDatabase database, Guid id, string role)
    {
        database.User = new TestUser { Id = id, UserName = role };
        database.User.Roles.Add(role);
    }

    [Fact]
    public async Task The_facts_sum_only_verified_months_in_the_twelve_to_the_milestone_in_one_statement()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = database.NewContext())
        {
            var statistics = new ProjectMilestone(world.Project, MilestoneKind.EnteredStatistics, world.Officer, now);
            statistics.Reach(new(2026, 3, 1), world.Officer, now);
            statistics.Describe(null, null, null, 202603, null);
            var capacity = new ProjectMilestone(world.Project, MilestoneKind.CapacityReached, world.Officer, now);
            capacity.Reach(new(2026, 6, 15), world.Officer, now);
            db.Milestones.AddRange(statistics, capacity);
            FigureEntry Entry(FigureKind kind, int period, long fen, FigureStatus status)
            {
                var entry = new FigureEntry(world.Project, kind, period, fen, "CNY", fen, null, null, world.Officer, now);
                if (status == FigureStatus.Verified)
                {
                    entry.Verify(world.Manager, now);
                }
                else if (status == FigureStatus.Rejected)
                {
                    entry.Reject(world.Manager, "凭证不符", now);
                }

                return entry;
            }

            db.FigureEntries.AddRange(
                Entry(FigureKind.MainBusinessRevenue, 202504, 1, FigureStatus.Verified),      // the first month of the window
                Entry(FigureKind.MainBusinessRevenue, 202603, 10, FigureStatus.Verified),     // the last
                Entry(FigureKind.MainBusinessRevenue, 202503, 100, FigureStatus.Verified),    // one month early
                Entry(FigureKind.MainBusinessRevenue, 202604, 1_000, FigureStatus.Verified),  // one month late
                Entry(FigureKind.MainBusinessRevenue, 202601, 10_000, FigureStatus.Pending),
                Entry(FigureKind.MainBusinessRevenue, 202602, 100_000, FigureStatus.Rejected),
                Entry(FigureKind.IndustrialOutput, 202507, 7, FigureStatus.Verified),
                Entry(FigureKind.IndustrialOutput, 202606, 70, FigureStatus.Verified),
                Entry(FigureKind.IndustrialOutput, 202506, 700, FigureStatus.Verified),
                Entry(FigureKind.TaxPaid, 202606, 7_000, FigureStatus.Verified));
            await db.SaveChangesAsync();
        }

        var counter = new StatementCounter();
        await using var read = database.NewContext(counter);
        var facts = await StageFactsLoader.LoadAsync(read, world.Project, 123, CancellationToken.None);

        Assert.Equal(11, facts.RevenueFen);
        Assert.Equal(77, facts.OutputFen);
        Assert.Equal(123, facts.AboveScaleThresholdFen);
        Assert.Equal(2, facts.Milestones.Count);
        Assert.Single(counter.Queries);

        // The in-memory path (RecordMilestone's) agrees.
        var again = await StageFactsLoader.WithSumsAsync(read, world.Project, facts.Milestones, 123, CancellationToken.None);
        Assert.Equal((facts.RevenueFen, facts.OutputFen), (again.RevenueFen, again.OutputFen));
    }

    [Fact]
    public async Task The_threshold_is_the_configured_one_of_the_enterprises_type()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var options = new AboveScaleOptions();
        options.Thresholds[StatisticsType.Retail] = 6_000_000;
        await using var db = database.NewContext();
        var enterprise = await db.Enterprises.SingleAsync();
        enterprise.Classify(StatisticsType.Retail);
        await db.SaveChangesAsync();

        var threshold = await StageFactsLoader.ThresholdAsync(db, enterprise.Id, options, CancellationToken.None);

        Assert.Equal(600_000_000, threshold);
        Assert.Null(await StageFactsLoader.ThresholdAsync(db, null, options, CancellationToken.None));
    }

    [Fact]
    public async Task A_future_date_is_refused_by_the_bureaus_clock_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        await using var db = database.NewContext();

        // The clock is 2026-06-30 08:00 UTC, 16:00 in Kunshan: 2026-07-01 is tomorrow there.
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Record(database, db).Handle(new RecordMilestone(world.Project, MilestoneKind.ConstructionStarted, null, new(2026, 7, 1)), CancellationToken.None).AsTask());

        Assert.Equal("milestone.future", ex.Code);
        await using var check = database.NewContext();
        Assert.False(await check.Milestones.AnyAsync());
    }

    [Fact]
    public async Task Only_a_manager_overrides_capacity_and_an_officers_later_edit_keeps_the_override()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);

        await using (var db = database.NewContext())
        {
            await Assert.ThrowsAsync<DomainForbiddenException>(() => Record(database, db)
                .Handle(new RecordMilestone(world.Project, MilestoneKind.CapacityReached, null, new(2026, 6, 1), OverrideReason: "产线已建成"), CancellationToken.None).AsTask());
        }

        Act(database, world.Manager, Roles.Manager);
        await using (var db = database.NewContext())
        {
            await Record(database, db).Handle(new RecordMilestone(world.Project, MilestoneKind.CapacityReached, null, new(2026, 6, 1), OverrideReason: "产线已按协议建成"), CancellationToken.None);
        }

        Act(database, world.Officer, Roles.Officer);
        await using (var db = database.NewContext())
        {
            await Record(database, db).Handle(new RecordMilestone(world.Project, MilestoneKind.CapacityReached, null, new(2026, 6, 2), Note: "核查报告已上传"), CancellationToken.None);
        }

        await using var check = database.NewContext();
        var milestone = await check.Milestones.SingleAsync();
        Assert.Equal("产线已按协议建成", milestone.OverrideReason);
        Assert.Equal(world.Manager, milestone.OverrideById);
        Assert.Equal(new DateOnly(2026, 6, 2), milestone.ActualOn);
    }

    [Fact]
    public async Task Moving_into_construction_reads_the_recorded_milestone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var version = await VersionAsync(database, world.Project);
        await using (var db = database.NewContext())
        {
            var gate = await Assert.ThrowsAsync<StageGateException>(() =>
                new MoveStageHandler(db, database.User, database.Clock, Thresholds, Options.Create(new KunshanInvest.Application.Reviews.ProjectReviewOptions())).Handle(new MoveStage(world.Project, ProjectStage.UnderConstruction, null, version), CancellationToken.None).AsTask());
            Assert.Equal(["milestones.constructionStarted"], gate.Missing.Select(m => m.Field));
        }

        await using (var db = database.NewContext())
        {
            await Record(database, db).Handle(new RecordMilestone(world.Project, MilestoneKind.ConstructionStarted, new(2026, 5, 1), new(2026, 5, 20)), CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var moved = await new MoveStageHandler(db, database.User, database.Clock, Thresholds, Options.Create(new KunshanInvest.Application.Reviews.ProjectReviewOptions())).Handle(new MoveStage(world.Project, ProjectStage.UnderConstruction, null, await VersionAsync(database, world.Project)), CancellationToken.None);
            Assert.Equal(ProjectStage.UnderConstruction, moved.To);
        }

        await using var check = database.NewContext();
        var project = await check.Projects.Include(p => p.StageChanges).SingleAsync();
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, project.StageChanges.Single(c => c.To == ProjectStage.UnderConstruction).AtUtc);
    }

    [Fact]
    public async Task A_project_moved_before_milestones_existed_can_still_be_edited_but_not_lose_more()
    {
        // Arrange: at 投产 from before this change, with no milestone recorded.
        await using var database = await TestDatabase.CreateAsync();
        var legacy = new StageFacts(
            [new(MilestoneKind.ConstructionStarted, new(2025, 1, 1), null, null, null), new(MilestoneKind.ProductionStarted, new(2025, 6, 1), null, null, null)], null, null, null);
        var world = await ArrangeAsync(database, ProjectStage.Operating, legacy);
        var before = await VersionAsync(database, world.Project);
        await using var db = database.NewContext();
        var handler = new UpdateFiguresHandler(db, database.User, Thresholds);

        var version = await handler.Handle(new UpdateFigures(world.Project, before, new PledgeDto(new MoneyDto(200_000_000_00, "CNY"), null, 60, null, 100_000_000_00, null), "91320583MA0DE0013C"), CancellationToken.None);
        var gate = await Assert.ThrowsAsync<StageGateException>(() =>
            handler.Handle(new UpdateFigures(world.Project, version, new PledgeDto(new MoneyDto(200_000_000_00, "CNY"), null, 60, null, null, null), null), CancellationToken.None).AsTask());

        Assert.Equal(before + 1, version);
        Assert.Equal(["projectCompanyCreditCode"], gate.Missing.Select(m => m.Field));
    }
}
