using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Events;

namespace KunshanInvest.Domain.Tests;

public sealed class PromotionEventTests
{
    [Fact]
    public void Event_ending_before_it_starts_is_rejected()
    {
        // Arrange
        var startsOn = new DateOnly(2026, 5, 18);
        var endsOn = new DateOnly(2026, 5, 17);

        // Act
        var ex = Assert.Throws<DomainRuleException>(
            () => new PromotionEvent("EV-2026-01", "昆山投资说明会", "Kunshan investment briefing", EventKind.Conference, startsOn, endsOn));

        // Assert
        Assert.Equal("event.dates", ex.Code);
    }

    [Fact]
    public void One_day_event_is_accepted()
    {
        // Arrange
        var day = new DateOnly(2026, 5, 18);

        // Act
        var ev = new PromotionEvent("EV-2026-02", "签约仪式", "Signing ceremony", EventKind.Ceremony, day, day);

        // Assert
        Assert.Equal(day, ev.StartsOn);
        Assert.Equal(day, ev.EndsOn);
    }

    [Fact]
    public void Multi_day_event_keeps_its_details()
    {
        // Arrange
        var startsOn = new DateOnly(2026, 6, 1);
        var endsOn = new DateOnly(2026, 6, 3);

        // Act
        var ev = new PromotionEvent("EV-2026-03", "海峡两岸电子信息博览会", "Cross-Strait IT Expo", EventKind.Expo, startsOn, endsOn);

        // Assert
        Assert.Equal("EV-2026-03", ev.Code);
        Assert.Equal("海峡两岸电子信息博览会", ev.NameZh);
        Assert.Equal("Cross-Strait IT Expo", ev.NameEn);
        Assert.Equal(EventKind.Expo, ev.Kind);
        Assert.Equal(startsOn, ev.StartsOn);
        Assert.Equal(endsOn, ev.EndsOn);
    }

    [Fact]
    public void Editing_an_event_keeps_its_code_and_the_date_rule()
    {
        // Arrange
        var ev = new PromotionEvent("EV-2026-03", "德国路演", "Germany roadshow", EventKind.Roadshow, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 5));

        // Act
        ev.Edit("德国及荷兰路演", "Germany and Netherlands roadshow", EventKind.Roadshow, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8));
        var ex = Assert.Throws<DomainRuleException>(() => ev.Edit("x", "x", EventKind.Expo, new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 2)));

        // Assert
        Assert.Equal(("EV-2026-03", "德国及荷兰路演", new DateOnly(2026, 3, 8)), (ev.Code, ev.NameZh, ev.EndsOn));
        Assert.Equal("event.dates", ex.Code);
    }
}
