using KunshanInvest.Application.Enterprises.ListEnterprises;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Tests;

public sealed class ListEnterprisesTests
{
    [Fact]
    public async Task Keyset_pages_walk_every_live_enterprise_once_in_name_order_even_across_equal_names()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("officer");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var enterprises = Enumerable.Range(0, 23)
            .Select(i => new Enterprise(i % 5 == 0 ? null : $"企业{i / 3:00}", $"Enterprise {i / 3:00}", "CN", Ownership.Domestic)) // up to three share a name
            .ToList();
        var merged = new Enterprise("已合并企业", null, "CN", Ownership.Domestic);
        merged.MergeInto(enterprises[0]);
        var projects = Enumerable.Range(1, 3).Select(i =>
        {
            var project = new InvestmentProject($"KS-2026-0020{i}", $"项目{i}", SourceChannel.Expo, owner, now);
            project.Place(enterprises[5].Id, null, null);
            return project;
        });
        await using (var db = database.NewContext())
        {
            db.AddRange(enterprises);
            db.Add(merged);
            db.AddRange(projects);
            await db.SaveChangesAsync();
        }

        var seen = new List<EnterpriseListItem>();
        string? cursor = null;
        var pages = 0;
        do
        {
            await using var db = database.NewContext();
            var page = await new ListEnterprisesHandler(db).Handle(new ListEnterprises(Cursor: cursor, PageSize: 4), CancellationToken.None);
            Assert.Equal(23, page.Total);
            Assert.True(page.Items.Count <= 4);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(6, pages);
        Assert.Equal(enterprises.Select(e => e.Id).Order(), seen.Select(e => e.Id).Order());
        var names = seen.Select(e => e.NameZh ?? e.NameEn).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(3, seen.Single(e => e.Id == enterprises[5].Id).ProjectCount);
        Assert.DoesNotContain(seen, e => e.Id == merged.Id);
    }

    [Theory]
    [InlineData("瑞幸")]                 // part of the Chinese name
    [InlineData("LUCKIN coffee")]       // the English name in any case
    [InlineData("ｌｕｃｋｉｎ")]          // full-width
    [InlineData("coffee (china")]       // punctuation typed differently from the stored name
    [InlineData("91320583ma")]          // the start of the credit code, lower case
    public async Task Search_matches_names_in_any_case_and_the_start_of_the_credit_code(string q)
    {
        await using var database = await TestDatabase.CreateAsync();
        var luckin = new Enterprise("瑞幸咖啡（中国）有限公司", "Luckin Coffee (China) Co., Ltd.", "CN", Ownership.Domestic);
        luckin.SetCreditCode("91320583MA0DE0013C");
        var other = new Enterprise("星巴克", "Starbucks", "US", Ownership.Foreign);
        await using (var db = database.NewContext())
        {
            db.AddRange(luckin, other);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var page = await new ListEnterprisesHandler(read).Handle(new ListEnterprises(Q: q), CancellationToken.None);

        Assert.Equal(luckin.Id, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Country_and_ownership_filter_in_sql()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.AddRange(
                new Enterprise("甲", null, "CN", Ownership.Domestic),
                new Enterprise(null, "Beta", "US", Ownership.Foreign),
                new Enterprise(null, "Gamma", "HK", Ownership.HongKongMacaoTaiwan),
                new Enterprise(null, "Delta", "US", Ownership.Domestic));
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var page = await new ListEnterprisesHandler(read).Handle(new ListEnterprises(Country: "us", Ownership: Ownership.Foreign), CancellationToken.None);

        Assert.Equal(["Beta"], page.Items.Select(i => i.NameEn));
    }
}
