using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.CreateLead;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Projects;
using Microsoft.EntityFrameworkCore;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

public sealed class CreateLeadTests
{
    private static CreateLeadHandler Handler(TestDatabase database, Infrastructure.Persistence.AppDbContext db) =>
        new(db, database.Allocator(db), database.User, new UserDirectory(db, database.Clock), new Notifier(db, database.Clock), database.Clock);

    private static async Task<(Guid Sector, Guid Officer, Guid Officer2)> ArrangeAsync(TestDatabase database)
    {
        var officer = await database.AddUserAsync("officer");
        var officer2 = await database.AddUserAsync("officer2");
        var sector = new Sector("coffee", "咖啡", "Coffee");
        await using var db = database.NewContext();
        db.Sectors.Add(sector);
        await db.SaveChangesAsync();
        database.User = new TestUser { Id = officer, UserName = "officer" };
        database.User.Roles.Add(Roles.Officer);
        return (sector.Id, officer, officer2);
    }

    [Fact]
    public async Task Codes_are_numbered_per_year_from_the_highest_taken()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (sector, _, _) = await ArrangeAsync(database);

        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = database.NewContext();
            var lead = await Handler(database, db).Handle(new CreateLead(null, new NewEnterprise($"测试企业{i}", null), sector, SourceChannel.Expo), CancellationToken.None);
            codes.Add(lead.Code);
        }

        Assert.Equal(["KS-2026-00001", "KS-2026-00002", "KS-2026-00003"], codes);
    }

    [Fact]
    public async Task A_typed_name_variant_of_a_known_enterprise_is_refused_with_the_candidate_unless_confirmed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (sector, _, _) = await ArrangeAsync(database);
        await using (var db = database.NewContext())
        {
            db.Enterprises.Add(new Enterprise("瑞幸咖啡(中国)有限公司", "Luckin Coffee Inc.", "CN", Ownership.Domestic));
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        var refused = await Assert.ThrowsAsync<DuplicateEnterpriseException>(async () =>
            await Handler(database, first).Handle(new CreateLead(null, new NewEnterprise(null, "LUCKIN COFFEE"), sector, SourceChannel.WalkIn), CancellationToken.None));
        await using var second = database.NewContext();
        var confirmed = await Handler(database, second).Handle(new CreateLead(null, new NewEnterprise("瑞幸咖啡（中国）", null), sector, SourceChannel.WalkIn, ConfirmNotDuplicate: true), CancellationToken.None);

        Assert.Equal(EnterpriseDuplicates.SameName, Assert.Single(refused.Candidates).Reason);
        await using var read = database.NewContext();
        Assert.Equal(2, await read.Enterprises.CountAsync());
        Assert.NotEqual(Guid.Empty, confirmed.EnterpriseId);
    }

    [Fact]
    public async Task A_lead_for_an_enterprise_another_officer_is_working_warns_and_notifies_both()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (sector, officer, officer2) = await ArrangeAsync(database);
        var enterprise = new Enterprise("福斯咖啡", "Fourth Coffee", "US", Ownership.Foreign);
        await using (var db = database.NewContext())
        {
            db.Enterprises.Add(enterprise);
            var theirs = new InvestmentProject("KS-2025-00007", "烘焙中心", SourceChannel.Expo, officer2, database.Clock.GetUtcNow().UtcDateTime);
            theirs.Place(enterprise.Id, sector, null);
            db.Projects.Add(theirs);
            await db.SaveChangesAsync();
        }

        await using var write = database.NewContext();
        var lead = await Handler(database, write).Handle(new CreateLead(enterprise.Id, null, sector, SourceChannel.BusinessReferral), CancellationToken.None);

        var conflict = Assert.Single(lead.Conflicts);
        Assert.Equal("KS-2025-00007", conflict.Code);
        Assert.Equal(officer2, conflict.OwnerId);
        await using var read = database.NewContext();
        var notified = await read.Notifications.Where(n => n.Kind == "lead.conflict").Select(n => n.UserId).ToListAsync();
        Assert.Equal([officer, officer2], notified.Order());
        var codes = await read.Notifications.Where(n => n.Kind == "lead.conflict").Select(n => n.TitleCode).ToListAsync();
        Assert.Equal([M.LeadConflictTitle.Code, M.LeadConflictOwnerTitle.Code], codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_officer_cannot_hand_a_lead_to_someone_else_and_an_inactive_sector_takes_no_leads()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (sector, _, officer2) = await ArrangeAsync(database);
        await using (var db = database.NewContext())
        {
            var closed = await db.Sectors.SingleAsync();
            closed.Deactivate();
            await db.SaveChangesAsync();
        }

        await using var write = database.NewContext();
        await Assert.ThrowsAsync<Common.Exceptions.ForbiddenAccessException>(async () =>
            await Handler(database, write).Handle(new CreateLead(null, new NewEnterprise("甲", null), sector, SourceChannel.WalkIn, OwnerId: officer2), CancellationToken.None));
        var inactive = await Assert.ThrowsAsync<ValidationException>(async () =>
            await Handler(database, write).Handle(new CreateLead(null, new NewEnterprise("乙", null), sector, SourceChannel.WalkIn), CancellationToken.None));
        Assert.Equal("sectorId", Assert.Single(inactive.Errors).PropertyName);
    }

    [Theory]
    [InlineData("91320583MA0DE0013D", "credit_code.check")]
    [InlineData("91320583MA0DE0013", "credit_code.length")]
    [InlineData("91320583MA0DE0O13C", "credit_code.character")]
    public void The_validator_says_what_is_wrong_with_a_credit_code(string code, string expected)
    {
        var result = new CreateLeadValidator().Validate(new CreateLead(null, new NewEnterprise("甲", null, code), Guid.NewGuid(), SourceChannel.WalkIn));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NewEnterprise.CreditCode", error.PropertyName);
        Assert.Equal(expected, error.ErrorCode);
    }

    [Fact]
    public void The_stalled_predicate_matches_the_limits_rule()
    {
        var limits = new StalledLimits();
        var now = new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        var predicate = ProjectQueries.StalledPredicate(limits, now).Compile();
        var owner = Guid.NewGuid();

        foreach (var stage in ProjectStages.Pipeline)
        {
            foreach (var daysAgo in new[] { 10, 100, 200, 400, 800 })
            {
                var project = new InvestmentProject("KS-2026-00001", "p", SourceChannel.WalkIn, owner, now.AddDays(-daysAgo));
                typeof(InvestmentProject).GetProperty(nameof(InvestmentProject.Stage))!.SetValue(project, stage);
                Assert.Equal(limits.IsStalled(stage, now.AddDays(-daysAgo), now), predicate(project));
            }
        }
    }
}
