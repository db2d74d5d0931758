using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

public sealed class MilestoneOrderTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static MilestoneFact At(MilestoneKind kind, int year, int month, int day, int? period = null) => new(kind, new(year, month, day), null, period, null);

    private static readonly MilestoneFact Registered = At(MilestoneKind.Registered, 2025, 1, 10);
    private static readonly MilestoneFact Land = At(MilestoneKind.LandSupplied, 2025, 3, 1);
    private static readonly MilestoneFact Construction = At(MilestoneKind.ConstructionStarted, 2025, 4, 1);
    private static readonly MilestoneFact Production = At(MilestoneKind.ProductionStarted, 2025, 9, 15);

    [Fact]
    public void Milestones_in_order_pass()
    {
        // Arrange
        MilestoneFact[] all = [Registered, Land, Construction, Production];

        // Act / Assert
        foreach (var milestone in all)
        {
            MilestoneOrder.Check(milestone, all, Today);
        }
    }

    [Fact]
    public void A_milestone_dated_before_the_previous_reached_one_is_rejected_naming_both()
    {
        // Arrange
        var construction = At(MilestoneKind.ConstructionStarted, 2025, 2, 28);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => MilestoneOrder.Check(construction, [Registered, Land, construction], Today));

        // Assert
        Assert.Equal("milestone.before_previous", ex.Code);
        Assert.Equal("开工", ex.Args["kindZh"]);
        Assert.Equal("供地", ex.Args["otherZh"]);
        Assert.Equal("2025-02-28", ex.Args["date"]);
        Assert.Equal("2025-03-01", ex.Args["otherDate"]);
    }

    [Fact]
    public void A_lease_project_without_land_compares_with_registration()
    {
        // Arrange: no 供地; 开工 is compared with 注册.
        var construction = At(MilestoneKind.ConstructionStarted, 2025, 1, 9);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => MilestoneOrder.Check(construction, [Registered, construction], Today));

        // Assert
        Assert.Equal("注册", ex.Args["otherZh"]);
    }

    [Fact]
    public void A_milestone_not_reached_is_skipped()
    {
        // Arrange: 供地 only planned (no actual date) does not constrain 开工.
        var plannedLand = new MilestoneFact(MilestoneKind.LandSupplied, null, 30, null, null);
        var construction = At(MilestoneKind.ConstructionStarted, 2025, 1, 20);

        // Act / Assert
        MilestoneOrder.Check(construction, [Registered, plannedLand, construction], Today);
    }

    [Fact]
    public void The_same_day_as_the_previous_milestone_is_fine()
    {
        // Arrange
        var construction = At(MilestoneKind.ConstructionStarted, 2025, 3, 1);

        // Act / Assert
        MilestoneOrder.Check(construction, [Registered, Land, construction], Today);
    }

    [Fact]
    public void Moving_an_earlier_milestone_after_a_later_reached_one_is_rejected()
    {
        // Arrange: 供地 corrected to a day after 开工.
        var land = At(MilestoneKind.LandSupplied, 2025, 4, 2);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => MilestoneOrder.Check(land, [Registered, land, Construction], Today));

        // Assert
        Assert.Equal("milestone.after_next", ex.Code);
        Assert.Equal("开工", ex.Args["otherZh"]);
    }

    [Theory]
    [InlineData(202509, true)]
    [InlineData(202510, true)]
    [InlineData(202508, false)]
    public void Statistics_entry_compares_by_month_with_production(int period, bool passes)
    {
        // Arrange: 投产 on 2025-09-15; 入库 in September 2025 is the same month, so fine.
        var statistics = new MilestoneFact(MilestoneKind.EnteredStatistics, new(FigureYear(period), period % 100, 1), null, period, null);

        // Act
        var ex = Record.Exception(() => MilestoneOrder.Check(statistics, [Registered, Production, statistics], Today));

        // Assert
        Assert.Equal(passes, ex is null);
    }

    [Fact]
    public void Capacity_before_the_statistics_month_is_rejected()
    {
        // Arrange
        var statistics = new MilestoneFact(MilestoneKind.EnteredStatistics, new(2025, 12, 1), null, 202512, null);
        var capacity = At(MilestoneKind.CapacityReached, 2025, 11, 30);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => MilestoneOrder.Check(capacity, [Production, statistics, capacity], Today));

        // Assert
        Assert.Equal("milestone.before_previous", ex.Code);
        Assert.Equal("2025-12", ex.Args["otherDate"]);
    }

    [Fact]
    public void A_date_after_today_is_rejected()
    {
        // Arrange
        var production = At(MilestoneKind.ProductionStarted, 2026, 12, 8);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => MilestoneOrder.Check(production, [production], Today));

        // Assert
        Assert.Equal("milestone.future", ex.Code);
    }

    [Fact]
    public void Today_is_not_the_future()
    {
        // Arrange
        var production = At(MilestoneKind.ProductionStarted, 2026, 12, 7);

        // Act / Assert
        MilestoneOrder.Check(production, [production], Today);
    }

    [Fact]
    public void A_statistics_month_after_this_month_is_rejected()
    {
        // Arrange: dated today, but the month is next month's.
        var statistics = new MilestoneFact(MilestoneKind.EnteredStatistics, Today, null, 202701, null);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => MilestoneOrder.Check(statistics, [statistics], Today));

        // Assert
        Assert.Equal("milestone.future", ex.Code);
    }

    private static int FigureYear(int period) => period / 100;
}
