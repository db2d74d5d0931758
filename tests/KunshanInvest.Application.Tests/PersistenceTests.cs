using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Tests;

/// <summary>The audit trail, the Version token and the stage history on a real database.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task An_edit_is_audited_field_by_field_and_bumps_the_version()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sector = new Sector("coffee", "咖啡", "Coffee");
        await using (var db = database.NewContext())
        {
            db.Sectors.Add(sector);
            await db.SaveChangesAsync();
        }

        database.Clock.Now = database.Clock.Now.AddHours(1);
        await using (var db = database.NewContext())
        {
            var loaded = await db.Sectors.SingleAsync();
            loaded.Rename("咖啡产业", "Coffee");
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var stored = await read.Sectors.SingleAsync();
        Assert.Equal(1, stored.Version);
        var update = await read.AuditEntries.SingleAsync(a => a.Action == AuditAction.Updated);
        Assert.Equal("Sector", update.EntityType);
        Assert.Equal(sector.Id.ToString(), update.EntityId);
        Assert.Equal(database.Clock.Now.UtcDateTime, update.AtUtc);
        Assert.Equal(DateTimeKind.Utc, update.AtUtc.Kind);
        Assert.Equal("""[{"Field":"NameZh","Old":"咖啡","New":"咖啡产业"}]""", update.Changes);
    }

    [Fact]
    public async Task A_stale_version_loses_and_no_update_is_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Sectors.Add(new Sector("food", "食品", "Food"));
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.Sectors.SingleAsync();
        var b = await second.Sectors.SingleAsync();
        a.Rename("高端食品", "High-end food");
        b.Rename("食品饮料", "Food & drink");
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<KunshanInvest.Application.Common.Exceptions.ConflictException>(() => ((KunshanInvest.Application.Common.IAppDbContext)second).SaveChangesAsync());
        await using var read = database.NewContext();
        Assert.Equal("高端食品", (await read.Sectors.SingleAsync()).NameZh);
    }

    [Fact]
    public async Task Stage_moves_are_stored_as_stage_change_rows_with_money_in_minor_units()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("officer");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var sector = new Sector("display", "新型显示", "Display");
        var park = new Park("kdz", "昆山开发区", "Kunshan Development Zone", null);
        var enterprise = new Enterprise("维信诺", "Visionox", "CN", Ownership.Domestic);
        var project = new InvestmentProject("KS-2026-00042", "AMOLED 模组扩产", SourceChannel.BusinessReferral, owner, now);
        project.Place(enterprise.Id, sector.Id, park.Id);
        project.Pledge(Money.CnyWan(120_000m), null, 800, null, null, 150);
        project.MoveTo(ProjectStage.Negotiating, new StageActor(owner, false), "首次洽谈", now.AddDays(1), StageFacts.None);
        project.MoveTo(ProjectStage.Signed, new StageActor(owner, false), null, now.AddDays(30), StageFacts.None);
        await using (var db = database.NewContext())
        {
            db.AddRange(sector, park, enterprise, project);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var changes = await read.StageChanges.Where(c => c.ProjectId == project.Id).OrderBy(c => c.AtUtc).ToListAsync();
        Assert.Equal([null, ProjectStage.Lead, ProjectStage.Negotiating], changes.Select(c => c.From));
        Assert.Equal([ProjectStage.Lead, ProjectStage.Negotiating, ProjectStage.Signed], changes.Select(c => c.To));
        Assert.True(changes[1].IsJump);
        var stored = await read.Projects.SingleAsync();
        Assert.Equal(120_000L * 10_000 * 100, stored.PledgedInvestment!.MinorUnits);
        Assert.Equal("CNY", stored.PledgedInvestment.Currency);
        Assert.Null(stored.EstimatedInvestment);
        var pledgedTotal = await read.Projects.SumAsync(p => p.PledgedInvestment!.MinorUnits);
        Assert.Equal(stored.PledgedInvestment.MinorUnits, pledgedTotal);
    }

    [Fact]
    public async Task A_colleagues_visit_does_not_make_the_owners_open_edit_stale()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("officer");
        var project = new InvestmentProject("KS-2026-00077", "冷链仓储", SourceChannel.WalkIn, owner, database.Clock.GetUtcNow().UtcDateTime);
        await using (var db = database.NewContext())
        {
            db.Projects.Add(project);
            await db.SaveChangesAsync();
        }

        await using (var colleague = database.NewContext())
        {
            var seen = await colleague.Projects.SingleAsync();
            seen.Touch(database.Clock.GetUtcNow().UtcDateTime.AddHours(2));
            seen.ScheduleFollowUp(new DateOnly(2026, 7, 3));
            await colleague.SaveChangesAsync();
        }

        await using var ownerEdit = database.NewContext();
        var mine = await ownerEdit.Projects.SingleAsync();
        ownerEdit.ExpectVersion(mine, 0);
        mine.Rename("冷链仓储二期");
        await ((KunshanInvest.Application.Common.IAppDbContext)ownerEdit).SaveChangesAsync();

        await using var read = database.NewContext();
        var stored = await read.Projects.SingleAsync();
        Assert.Equal("冷链仓储二期", stored.Name);
        Assert.Equal(new DateOnly(2026, 7, 3), stored.NextFollowUpOn);
        Assert.Equal(1, stored.Version);
    }
}
