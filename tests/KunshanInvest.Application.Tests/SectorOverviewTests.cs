using KunshanInvest.Application.Sectors.GetSectorOverview;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Sectors;

namespace KunshanInvest.Application.Tests;

public sealed class SectorOverviewTests
{
    [Fact]
    public async Task Overview_counts_live_projects_and_converts_pledges_to_cny_with_the_years_rate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUserAsync("officer");
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var coffee = new Sector("coffee", "咖啡", "Coffee");
        var food = new Sector("food", "高端食品", "High-end food");
        var park = new Park("kdz", "昆山开发区", "Kunshan Development Zone", null);
        var enterprise = new Enterprise("福斯咖啡", "Fourth Coffee", "US", Ownership.Foreign);
        await using (var db = database.NewContext())
        {
            db.AddRange(coffee, food, park, enterprise);
            db.ExchangeRates.AddRange(new ExchangeRate(2025, "USD", 7_180_000), new ExchangeRate(2026, "USD", 7_120_000));
            db.Projects.AddRange(
                Signed("KS-2026-00001", coffee, Money.CnyWan(50_000m)),           // 5亿元
                Signed("KS-2026-00002", coffee, new Money(10_000_000_00, "USD")), // USD 10 m → 7,120万元 at 2026's rate
                Signed("KS-2026-00003", food, new Money(1_000_00, "EUR")),        // no EUR rate: reported, not summed
                Lead("KS-2026-00004", coffee),
                Lost("KS-2026-00005", coffee, Money.CnyWan(99_999m)));
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var overview = await new GetSectorOverviewHandler(read, database.Clock).Handle(new GetSectorOverview(), CancellationToken.None);

        var coffeeRow = overview.Sectors.Single(s => s.Code == "coffee");
        Assert.Equal(3, coffeeRow.ProjectCount);
        Assert.Equal(2, coffeeRow.SignedCount);
        var expectedCoffee = 50_000L * 10_000 * 100 + 10_000_000L * 100 * 712 / 100;
        Assert.Equal(expectedCoffee, coffeeRow.PledgedFen);
        var foodRow = overview.Sectors.Single(s => s.Code == "food");
        Assert.Equal(0, foodRow.PledgedFen);
        Assert.Equal(["EUR"], overview.UnconvertedCurrencies);
        Assert.Equal(expectedCoffee, overview.TotalPledgedFen);

        InvestmentProject Lead(string code, Sector sector)
        {
            var project = new InvestmentProject(code, code, SourceChannel.WalkIn, owner, now);
            project.Place(enterprise.Id, sector.Id, null);
            return project;
        }

        InvestmentProject Signed(string code, Sector sector, Money pledge)
        {
            var project = new InvestmentProject(code, code, SourceChannel.Conference, owner, now);
            project.Place(enterprise.Id, sector.Id, park.Id);
            project.Pledge(pledge, null, 100, null, null, null);
            project.MoveTo(ProjectStage.Signed, new StageActor(owner, false), null, now, StageFacts.None);
            return project;
        }

        InvestmentProject Lost(string code, Sector sector, Money pledge)
        {
            var project = Signed(code, sector, pledge);
            project.MoveTo(ProjectStage.Lost, new StageActor(owner, false), "投资方战略调整", now, StageFacts.None);
            return project;
        }
    }
}
