using FluentValidation;
using KunshanInvest.Application.Auditing;
using KunshanInvest.Application.Auditing.SearchAudit;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.GetProject;
using KunshanInvest.Application.Projects.ListProjects;
using KunshanInvest.Application.Sectors.SetSectorActive;
using KunshanInvest.Application.Sectors.UpdateSector;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Tests;

/// <summary>Per-sector 六未 limits, the sector edits that set them, and the audit search, on a real SQLite database.</summary>
public sealed class SectorLimitTests
{
    private sealed record Seeded(TestDatabase Database, Guid Coffee, Guid Food, Dictionary<string, Guid> Projects);

    /// <summary>
    /// Coffee allows 30 days in Signed (its own limit); food keeps the defaults (Signed 90, Registered 180).
    /// </summary>
    private static async Task<Seeded> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("wang.xiao");
        database.User.Id = owner;
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var coffee = new Sector("coffee", "咖啡", "Coffee");
        coffee.SetLimits(new SectorLimits(SignedDays: 30));
        var food = new Sector("food", "食品", "Food");
        var projects = new Dictionary<string, Guid>();
        await using var db = database.NewContext();
        db.AddRange(coffee, food);

        void Add(string code, Guid? sector, ProjectStage stage, int daysAgo)
        {
            var project = new InvestmentProject(code, code, SourceChannel.Expo, owner, now);
            project.Place(null, sector, null);
            typeof(InvestmentProject).GetProperty(nameof(InvestmentProject.Stage))!.SetValue(project, stage);
            project.Backdate(now.AddDays(-daysAgo));
            db.Projects.Add(project);
            projects[code] = project.Id;
        }

        Add("KS-2026-00001", coffee.Id, ProjectStage.Signed, 45);      // over coffee's own 30
        Add("KS-2026-00002", food.Id, ProjectStage.Signed, 45);        // under the default 90
        Add("KS-2026-00003", null, ProjectStage.Signed, 45);           // no sector: default
        Add("KS-2026-00004", food.Id, ProjectStage.Signed, 100);       // over the default 90
        Add("KS-2026-00005", coffee.Id, ProjectStage.Registered, 100); // coffee keeps the default 180 here
        Add("KS-2026-00006", null, ProjectStage.Registered, 200);      // over the default 180
        Add("KS-2026-00007", coffee.Id, ProjectStage.Signed, 20);      // under coffee's 30
        await db.SaveChangesAsync();
        return new Seeded(database, coffee.Id, food.Id, projects);
    }

    private static ListProjectsHandler List(TestDatabase database, Infrastructure.Persistence.AppDbContext db) =>
        new(db, database.User, new UserDirectory(db, database.Clock), Options.Create(new StalledOptions()), database.Clock);

    [Fact]
    public async Task The_stalled_filter_and_flags_use_each_sectors_own_limits_and_the_default_elsewhere()
    {
        var seeded = await SeedAsync();
        await using var cleanup = seeded.Database;
        await using var db = seeded.Database.NewContext();

        var stalled = await List(seeded.Database, db).Handle(new ListProjects(new ProjectFilter { Stalled = true }, ProjectSort.Code, false), CancellationToken.None);
        var fresh = await List(seeded.Database, db).Handle(new ListProjects(new ProjectFilter { Stalled = false }, ProjectSort.Code, false), CancellationToken.None);
        var all = await List(seeded.Database, db).Handle(new ListProjects(new ProjectFilter(), ProjectSort.Code, false), CancellationToken.None);

        Assert.Equal(["KS-2026-00001", "KS-2026-00004", "KS-2026-00006"], stalled.Items.Select(i => i.Code));
        Assert.Equal(["KS-2026-00002", "KS-2026-00003", "KS-2026-00005", "KS-2026-00007"], fresh.Items.Select(i => i.Code));
        Assert.Equal(stalled.Items.Select(i => i.Code), all.Items.Where(i => i.IsStalled).Select(i => i.Code));
    }

    [Fact]
    public async Task A_project_page_flags_the_stall_by_its_sectors_limit()
    {
        var seeded = await SeedAsync();
        await using var cleanup = seeded.Database;
        await using var db = seeded.Database.NewContext();
        var handler = new GetProjectHandler(db, new UserDirectory(db, seeded.Database.Clock), Options.Create(new StalledOptions()), seeded.Database.Clock, Options.Create(new KunshanInvest.Application.Milestones.AboveScaleOptions()), Options.Create(new KunshanInvest.Application.Reviews.ProjectReviewOptions()));

        var coffee = await handler.Handle(new GetProject(seeded.Projects["KS-2026-00001"]), CancellationToken.None);
        var food = await handler.Handle(new GetProject(seeded.Projects["KS-2026-00002"]), CancellationToken.None);

        Assert.True(coffee.IsStalled);
        Assert.Equal(StalledKind.SignedNotRegistered, coffee.StalledKind);
        Assert.False(food.IsStalled);
    }

    [Fact]
    public async Task Setting_a_sectors_limit_moves_its_projects_in_and_out_of_the_stalled_list_and_is_audited()
    {
        var seeded = await SeedAsync();
        await using var cleanup = seeded.Database;
        seeded.Database.User = TestUser.As("admin", Common.Security.Roles.Admin);

        await using (var db = seeded.Database.NewContext())
        {
            // Food now allows only 40 days in Signed; coffee goes back to the default.
            await new UpdateSectorHandler(db).Handle(new UpdateSector(seeded.Food, 0, "食品产业", "Food", "描述", null, new SectorLimits(SignedDays: 40)), CancellationToken.None);
            await new UpdateSectorHandler(db).Handle(new UpdateSector(seeded.Coffee, 0, "咖啡", "Coffee", null, null, null), CancellationToken.None);
        }

        await using var read = seeded.Database.NewContext();
        var stalled = await List(seeded.Database, read).Handle(new ListProjects(new ProjectFilter { Stalled = true }, ProjectSort.Code, false), CancellationToken.None);
        Assert.Equal(["KS-2026-00002", "KS-2026-00004", "KS-2026-00006"], stalled.Items.Select(i => i.Code));

        var audit = await read.AuditEntries.Where(a => a.EntityType == "Sector" && a.EntityId == seeded.Food.ToString() && a.Action == AuditAction.Updated).SingleAsync();
        Assert.Contains("\"Field\":\"SignedDays\"", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("食品产业", audit.Changes, StringComparison.Ordinal);
        Assert.Equal(1, (await read.Sectors.SingleAsync(s => s.Id == seeded.Food)).Version);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var seeded = await SeedAsync();
        await using var cleanup = seeded.Database;
        seeded.Database.User = TestUser.As("admin", Common.Security.Roles.Admin);
        await using (var db = seeded.Database.NewContext())
        {
            await new SetSectorActiveHandler(db).Handle(new SetSectorActive(seeded.Food, 0, false), CancellationToken.None);
        }

        await using var again = seeded.Database.NewContext();
        await Assert.ThrowsAsync<ConflictException>(async () =>
            await new SetSectorActiveHandler(again).Handle(new SetSectorActive(seeded.Food, 0, true), CancellationToken.None));
        Assert.False((await again.Sectors.AsNoTracking().SingleAsync(s => s.Id == seeded.Food)).IsActive);
    }

    [Theory]
    [InlineData(0, "Limits.SignedDays")]
    [InlineData(SectorLimits.MaxDays + 1, "Limits.SignedDays")]
    public void The_validator_names_a_limit_out_of_range(int days, string field)
    {
        var result = new UpdateSectorValidator().Validate(new UpdateSector(Guid.NewGuid(), 0, "咖啡", "Coffee", null, null, new SectorLimits(SignedDays: days)));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public async Task The_audit_search_filters_in_sql_and_pages_by_id_with_two_statements_a_page()
    {
        var seeded = await SeedAsync();
        await using var cleanup = seeded.Database;
        seeded.Database.User = TestUser.As("admin", Common.Security.Roles.Admin);
        await using (var db = seeded.Database.NewContext())
        {
            for (var i = 0; i < 5; i++)
            {
                await new UpdateSectorHandler(db).Handle(new UpdateSector(seeded.Coffee, i, $"咖啡{i}", "Coffee", null, null, null), CancellationToken.None);
            }
        }

        var counter = new StatementCounter();
        await using var read = seeded.Database.NewContext(counter);
        var handler = new SearchAuditHandler(read);
        var filter = new AuditFilter { User = "adm", EntityType = "Sector", EntityId = seeded.Coffee.ToString(), Action = AuditAction.Updated };

        var first = await handler.Handle(new SearchAudit(filter, PageSize: 2), CancellationToken.None);
        var second = await handler.Handle(new SearchAudit(filter, first.NextCursor, 2), CancellationToken.None);
        var third = await handler.Handle(new SearchAudit(filter, second.NextCursor, 2), CancellationToken.None);

        Assert.Equal(5, first.Total);
        var ids = first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.Id).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(ids.OrderByDescending(i => i), ids);
        Assert.Null(third.NextCursor);
        Assert.Equal("咖啡4", first.Items[0].Changes.Single(c => c.Field == "NameZh").New);
        Assert.Equal(6, counter.Queries.Count);
        Assert.Empty((await handler.Handle(new SearchAudit(filter with { User = "officer" }), CancellationToken.None)).Items);
        Assert.Empty((await handler.Handle(new SearchAudit(filter with { FromUtc = seeded.Database.Clock.GetUtcNow().UtcDateTime.AddSeconds(1) }), CancellationToken.None)).Items);
    }

    [Fact]
    public void The_audit_validator_names_a_bad_period_and_cursor()
    {
        var at = new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

        var result = new SearchAuditValidator().Validate(new SearchAudit(new AuditFilter { FromUtc = at, ToUtc = at.AddDays(-1) }, "not-a-cursor", 0));

        Assert.Equal(["cursor", "pageSize", "to"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }
}
