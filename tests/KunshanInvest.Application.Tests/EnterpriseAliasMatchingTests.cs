using KunshanInvest.Application.Enterprises.Aliases;
using KunshanInvest.Application.Enterprises.CheckEnterpriseDuplicates;
using KunshanInvest.Application.Enterprises.ListEnterprises;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Tests;

/// <summary>The lead form's duplicate warning and the enterprise search match aliases and ignore region qualifiers.</summary>
public sealed class EnterpriseAliasMatchingTests
{
    private static async Task<(TestDatabase Database, Guid Luckin, Guid Auo)> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var luckin = new Enterprise("瑞幸", "Luckin Coffee", "CN", Ownership.Domestic);
        var auo = new Enterprise("友达光电", "AU Optronics", "TW", Ownership.HongKongMacaoTaiwan);
        db.Enterprises.AddRange(luckin, auo, new Enterprise("星巴克", "Starbucks", "US", Ownership.Foreign));
        await db.SaveChangesAsync();
        var handler = new AddEnterpriseAliasHandler(db);
        await handler.Handle(new AddEnterpriseAlias(luckin.Id, "瑞幸咖啡", AliasKind.Brand), CancellationToken.None);
        await handler.Handle(new AddEnterpriseAlias(auo.Id, "AUO", AliasKind.English), CancellationToken.None);
        return (database, luckin.Id, auo.Id);
    }

    [Theory]
    [InlineData("瑞幸咖啡（中国）有限公司", null)]
    [InlineData("瑞幸咖啡(昆山)", null)]
    [InlineData(null, "Luckin Coffee (China) Co., Ltd.")]
    public async Task The_duplicate_warning_finds_the_seeded_short_name_from_the_registered_name(string? nameZh, string? nameEn)
    {
        var (database, luckin, _) = await SeedAsync();
        await using var _database = database;
        await using var db = database.NewContext();

        var found = await new CheckEnterpriseDuplicatesHandler(db).Handle(new CheckEnterpriseDuplicates(nameZh, nameEn, null), CancellationToken.None);

        Assert.Equal(luckin, Assert.Single(found).Id);
    }

    [Theory]
    [InlineData("AUO")]
    [InlineData("auo")]
    [InlineData("友达光电（昆山）有限公司")]
    public async Task Search_finds_an_enterprise_by_its_alias_or_its_name_with_a_region(string q)
    {
        var (database, _, auo) = await SeedAsync();
        await using var _database = database;
        await using var db = database.NewContext();

        var page = await new ListEnterprisesHandler(db).Handle(new ListEnterprises(q), CancellationToken.None);

        Assert.Equal(auo, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task An_alias_that_already_names_another_enterprise_or_this_one_is_a_conflict_and_removal_works()
    {
        var (database, luckin, auo) = await SeedAsync();
        await using var _database = database;
        await using var db = database.NewContext();
        var add = new AddEnterpriseAliasHandler(db);

        var taken = await Assert.ThrowsAsync<DomainConflictException>(async () => await add.Handle(new AddEnterpriseAlias(luckin, "友达光电（中国）", AliasKind.Former), CancellationToken.None));
        var twice = await Assert.ThrowsAsync<DomainConflictException>(async () => await add.Handle(new AddEnterpriseAlias(auo, "auo", AliasKind.Abbreviation), CancellationToken.None));

        Assert.Equal(("alias.taken", "alias.exists"), (taken.Code, twice.Code));
        Assert.Equal("友达光电", taken.Args["name"]);
        var aliases = await new ListEnterpriseAliasesHandler(db).Handle(new ListEnterpriseAliases(auo), CancellationToken.None);
        await new RemoveEnterpriseAliasHandler(db).Handle(new RemoveEnterpriseAlias(auo, Assert.Single(aliases).Id), CancellationToken.None);
        Assert.False(await db.EnterpriseAliases.AnyAsync(a => a.EnterpriseId == auo));
    }
}
