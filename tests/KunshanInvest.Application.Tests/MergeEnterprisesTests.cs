using KunshanInvest.Application.Enterprises.MergeEnterprises;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Tests;

public sealed class MergeEnterprisesTests
{
    [Fact]
    public async Task Merging_moves_projects_contacts_and_interactions_to_the_survivor_and_audits_each_move()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("officer");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var code = Codes.NewCreditCode();
        var duplicate = new Enterprise("福斯咖啡", null, "US", Ownership.Foreign);
        duplicate.SetCreditCode(code);
        var survivor = new Enterprise(null, "Fourth Coffee", "US", Ownership.Foreign);
        var other = new Enterprise("甲乙咖啡", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject("KS-2026-00101", "烘焙中心", SourceChannel.Expo, owner, now);
        project.Place(duplicate.Id, null, null);
        var untouched = new InvestmentProject("KS-2026-00102", "甲乙工厂", SourceChannel.WalkIn, owner, now);
        untouched.Place(other.Id, null, null);
        var contact = new Contact(duplicate.Id, "张三");
        var interaction = new Interaction(duplicate.Id, project.Id, InteractionKind.Visit, now, owner, "首次拜访", null, now);
        await using (var db = database.NewContext())
        {
            db.AddRange(duplicate, survivor, other, project, untouched, contact, interaction);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var detail = await new MergeEnterprisesHandler(db).Handle(new MergeEnterprises(duplicate.Id, survivor.Id, SourceVersion: 0, SurvivorVersion: 0), CancellationToken.None);

            Assert.Equal(survivor.Id, detail.Id);
            Assert.Equal("福斯咖啡", detail.NameZh);     // the survivor takes what it lacked
            Assert.Equal(code, detail.CreditCode);      // and the code, which moves in the same save as the unique index allows
            Assert.Equal(["KS-2026-00101"], detail.Projects.Select(p => p.Code));
            Assert.Equal(["张三"], detail.Contacts.Select(c => c.Name));
        }

        await using var read = database.NewContext();
        var merged = await read.Enterprises.SingleAsync(e => e.Id == duplicate.Id);
        Assert.Equal(survivor.Id, merged.MergedIntoId);
        Assert.Null(merged.CreditCode);
        Assert.Equal(survivor.Id, (await read.Interactions.SingleAsync()).EnterpriseId);
        Assert.Equal(other.Id, (await read.Projects.SingleAsync(p => p.Id == untouched.Id)).EnterpriseId);

        var moves = await read.AuditEntries.Where(a => a.Action == AuditAction.Updated).ToListAsync();
        foreach (var (type, id) in new[] { ("InvestmentProject", project.Id), ("Contact", contact.Id), ("Interaction", interaction.Id) })
        {
            var move = Assert.Single(moves, a => a.EntityType == type && a.EntityId == id.ToString());
            Assert.Contains($"\"Field\":\"EnterpriseId\",\"Old\":\"{duplicate.Id}\",\"New\":\"{survivor.Id}\"", move.Changes, StringComparison.Ordinal);
        }

        var retired = Assert.Single(moves, a => a.EntityType == "Enterprise" && a.EntityId == duplicate.Id.ToString());
        Assert.Contains($"\"Field\":\"MergedIntoId\",\"Old\":null,\"New\":\"{survivor.Id}\"", retired.Changes, StringComparison.Ordinal);
        Assert.Single(moves, a => a.EntityType == "Enterprise" && a.EntityId == survivor.Id.ToString());
        Assert.Single(moves.Select(m => m.AtUtc).Distinct()); // one save
    }

    [Fact]
    public async Task Enterprises_with_different_credit_codes_are_not_merged_and_nothing_moves()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = new Enterprise("甲公司", null, "CN", Ownership.Domestic);
        a.SetCreditCode(Codes.NewCreditCode());
        var b = new Enterprise("乙公司", null, "CN", Ownership.Domestic);
        b.SetCreditCode(Codes.NewCreditCode());
        var contact = new Contact(a.Id, "李四");
        await using (var db = database.NewContext())
        {
            db.AddRange(a, b, contact);
            await db.SaveChangesAsync();
        }

        await using var merge = database.NewContext();
        await Assert.ThrowsAsync<DomainRuleException>(async () => await new MergeEnterprisesHandler(merge).Handle(new MergeEnterprises(a.Id, b.Id), CancellationToken.None));

        await using var read = database.NewContext();
        Assert.Equal(a.Id, (await read.Contacts.SingleAsync()).EnterpriseId);
        Assert.Null((await read.Enterprises.SingleAsync(e => e.Id == a.Id)).MergedIntoId);
    }

    [Fact]
    public async Task A_stale_source_version_stops_the_merge()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = new Enterprise("丙公司", null, "CN", Ownership.Domestic);
        var b = new Enterprise("丙公司(昆山)", null, "CN", Ownership.Domestic);
        await using (var db = database.NewContext())
        {
            db.AddRange(a, b);
            await db.SaveChangesAsync();
        }

        await using var merge = database.NewContext();
        await Assert.ThrowsAsync<KunshanInvest.Application.Common.Exceptions.ConflictException>(async () =>
            await new MergeEnterprisesHandler(merge).Handle(new MergeEnterprises(a.Id, b.Id, SourceVersion: 7), CancellationToken.None));
    }
}
