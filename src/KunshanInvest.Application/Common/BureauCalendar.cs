namespace KunshanInvest.Application.Common;

/// <summary>
/// The bureau's calendar: days begin and end in China Standard Time (Asia/Shanghai), whatever zone the server
/// runs in — 2026-06-30T16:30Z is already 1 July in Kunshan.
/// </summary>
public static class BureauCalendar
{
    /// <summary>
    /// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and does not depend on
    /// a time-zone database being installed (slim containers and some Windows servers lack "Asia/Shanghai").
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in Kunshan.</summary>
    public static DateOnly BureauToday(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Kunshan date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The UTC instant of <paramref name="time"/> on <paramref name="day"/> in Kunshan.</summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time) => DateTime.SpecifyKind(day.ToDateTime(time) - Offset, DateTimeKind.Utc);
}
