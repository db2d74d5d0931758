using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Events.RecordSignings;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Events;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using KunshanInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

public sealed class SigningCeremonyTests
{
    private sealed record World(Guid Event, Guid Sector, Guid Park, Guid Enterprise, Guid Lead, Guid LeadOwner);

    private static async Task<World> ArrangeAsync(TestDatabase database)
    {
        var manager = await database.AddUserAsync("manager");
        var officer = await database.AddUserAsync("officer");
        database.User = new TestUser { Id = manager, UserName = "manager" };
        database.User.Roles.Add(Roles.Manager);
        var promotion = new PromotionEvent("coffee-conf-2025", "2025昆山咖啡产业招商大会", "2025 Kunshan Coffee Industry Investment Conference", EventKind.Conference, new DateOnly(2025, 5, 16), new DateOnly(2025, 5, 16));
        var sector = new Sector("coffee", "咖啡", "Coffee");
        var park = new Park("kdz", "昆山开发区", "Kunshan Development Zone", null);
        var enterprise = new Enterprise("苏可菲纳咖啡", "Sucafina", "CH", Ownership.Foreign);
        var lead = new InvestmentProject("KS-2026-00001", "苏可菲纳生豆仓储", SourceChannel.Expo, officer, database.Clock.GetUtcNow().UtcDateTime);
        lead.Place(enterprise.Id, sector.Id, null);
        await using var db = database.NewContext();
        db.AddRange(promotion, sector, park, enterprise, lead);
        await db.SaveChangesAsync();
        return new World(promotion.Id, sector.Id, park.Id, enterprise.Id, lead.Id, officer);
    }

    private static RecordSigningsHandler Handler(TestDatabase database, Infrastructure.Persistence.AppDbContext db) => new(db, database.Allocator(db), database.User, new Notifier(db, database.Clock), database.Clock);

    [Fact]
    public async Task A_gate_failure_in_one_row_saves_no_row_and_names_what_that_row_lacks()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        await using var db = database.NewContext();
        var rows = new SigningRow[]
        {
            new(NewEnterprise: new SigningEnterprise("昆山烘焙测试公司"), ProjectName: "烘焙基地", SectorId: world.Sector, ParkId: world.Park, PledgedInvestment: new MoneyDto(50_000_000_00, "CNY")),
            new(EnterpriseId: world.Enterprise, ProjectId: world.Lead),
        };

        var ex = await Assert.ThrowsAsync<SigningRulesException>(() => Handler(database, db).Handle(new RecordSignings(world.Event, rows), CancellationToken.None).AsTask());

        Assert.Equal(["rows[1].parkId", "rows[1].pledgedInvestment"], ex.Errors.Select(e => e.PropertyName).Order().ToArray());
        await db.SaveChangesAsync();
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Projects.CountAsync());
        Assert.Equal(1, await check.Enterprises.CountAsync());
        var lead = await check.Projects.SingleAsync();
        Assert.Equal(ProjectStage.Lead, lead.Stage);
        Assert.Null(lead.EventId);
        Assert.Equal(0, lead.Version);

        // Numbers are reserved only once every row passed: the refused table used none (ADR 0020).
        Assert.False(await check.Set<ProjectCodeCounter>().AnyAsync());
    }

    [Fact]
    public async Task A_ceremony_signs_existing_and_new_projects_with_the_event_in_one_save()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        await using var db = database.NewContext();
        var rows = new SigningRow[]
        {
            new(EnterpriseId: world.Enterprise, ProjectId: world.Lead, ParkId: world.Park, PledgedInvestment: new MoneyDto(2_000_000_00, "USD")),
            new(NewEnterprise: new SigningEnterprise("昆山新咖啡有限公司", "Kunshan New Coffee"), ProjectName: "一期", SectorId: world.Sector, ParkId: world.Park, PledgedInvestment: new MoneyDto(10_000_000_00, "CNY")),
            new(NewEnterprise: new SigningEnterprise("昆山新咖啡有限公司"), ProjectName: "二期", SectorId: world.Sector, ParkId: world.Park, PledgedInvestment: new MoneyDto(20_000_000_00, "CNY")),
        };

        var result = await Handler(database, db).Handle(new RecordSignings(world.Event, rows), CancellationToken.None);

        Assert.Equal((3, 1, 2), (result.Count, result.NewEnterprises, result.NewProjects));
        Assert.Equal(["KS-2026-00001", "KS-2026-00002", "KS-2026-00003"], result.Items.Select(i => i.Code).ToArray());
        Assert.Equal(result.Items[1].EnterpriseId, result.Items[2].EnterpriseId);
        await using var check = database.NewContext();
        var projects = await check.Projects.Include(p => p.StageChanges).OrderBy(p => p.Code).ToListAsync();
        Assert.All(projects, p =>
        {
            Assert.Equal(ProjectStage.Signed, p.Stage);
            Assert.Equal(world.Event, p.EventId);
            Assert.Equal(world.Park, p.ParkId);
            Assert.Contains(p.StageChanges, c => c.To == ProjectStage.Signed && c.Note!.Contains("咖啡产业招商大会", StringComparison.Ordinal));
        });
        Assert.Equal(new Money(2_000_000_00, "USD"), projects[0].PledgedInvestment);
        Assert.Equal(SourceChannel.Conference, projects[1].Source);
        var notice = await check.Notifications.SingleAsync();
        Assert.Equal((world.LeadOwner, "project.signed"), (notice.UserId, notice.Kind));
    }

    [Fact]
    public async Task A_ceremony_does_not_reopen_a_lost_project_or_move_one_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        await using (var db = database.NewContext())
        {
            var lead = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Projects, p => p.Id == world.Lead);
            lead.MoveTo(KunshanInvest.Domain.Projects.ProjectStage.Lost, new KunshanInvest.Domain.Projects.StageActor(null, false), "投资方放弃", database.Clock.GetUtcNow().UtcDateTime, KunshanInvest.Domain.Projects.StageFacts.None);
            await db.SaveChangesAsync();
        }

        await using var ceremony = database.NewContext();
        var row = new SigningRow(EnterpriseId: world.Enterprise, ProjectId: world.Lead, ParkId: world.Park, PledgedInvestment: new MoneyDto(1_000_000_00, "CNY"));
        var refused = await Assert.ThrowsAsync<SigningRulesException>(() => Handler(database, ceremony).Handle(new RecordSignings(world.Event, [row]), CancellationToken.None).AsTask());

        Assert.Equal("rows[0].projectId", Assert.Single(refused.Errors).PropertyName);
        await using var read = database.NewContext();
        Assert.Equal(KunshanInvest.Domain.Projects.ProjectStage.Lost, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(read.Projects, p => p.Id == world.Lead), p => p.Stage)));
    }

    [Fact]
    public async Task A_project_already_signed_or_twice_in_the_table_is_an_error_of_its_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var row = new SigningRow(EnterpriseId: world.Enterprise, ProjectId: world.Lead, ParkId: world.Park, PledgedInvestment: new MoneyDto(1_000_000_00, "CNY"));
        await using (var db = database.NewContext())
        {
            await Handler(database, db).Handle(new RecordSignings(world.Event, [row]), CancellationToken.None);
        }

        await using var again = database.NewContext();
        var signedTwice = await Assert.ThrowsAsync<SigningRulesException>(() => Handler(database, again).Handle(new RecordSignings(world.Event, [row]), CancellationToken.None).AsTask());
        var twiceInTable = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Handler(database, again).Handle(new RecordSignings(world.Event, [row, row]), CancellationToken.None).AsTask());

        Assert.Equal("rows[0].projectId", Assert.Single(signedTwice.Errors).PropertyName);
        Assert.Equal(["rows[0].projectId", "rows[1].projectId"], twiceInTable.Errors.Select(e => e.PropertyName).Order().ToArray());
        Assert.Contains("第 1 行", twiceInTable.Errors.Single(e => e.PropertyName == "rows[1].projectId").ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_answer_names_a_bad_reference_in_one_row_and_a_missing_gate_in_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        await using var db = database.NewContext();
        var rows = new SigningRow[]
        {
            new(NewEnterprise: new SigningEnterprise("昆山烘焙测试公司"), SectorId: world.Sector, ParkId: Guid.NewGuid(), PledgedInvestment: new MoneyDto(50_000_000_00, "CNY")),
            new(EnterpriseId: world.Enterprise, ProjectId: world.Lead, ParkId: world.Park),
        };

        var ex = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Handler(database, db).Handle(new RecordSignings(world.Event, rows), CancellationToken.None).AsTask());

        Assert.Equal(["rows[0].parkId", "rows[1].pledgedInvestment"], ex.Errors.Select(e => e.PropertyName).Order().ToArray());
    }
}
