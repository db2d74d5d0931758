using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Figures;

/// <summary>
/// A figure's month as one integer, yyyymm (202609 = September 2026), so SQL filters a year or quarter with a range
/// and groups by <c>period / 100</c>. Quarters and years are sums of their months.
/// </summary>
public static class FigurePeriod
{
    public const int MinYear = 2000;

    public static int Of(int year, int month) => (year * 100) + month;

    public static int Year(int period) => period / 100;

    public static int Month(int period) => period % 100;

    public static int Quarter(int period) => ((Month(period) - 1) / 3) + 1;

    /// <summary>The first and last month of a year, for <c>BETWEEN</c>.</summary>
    public static (int First, int Last) YearRange(int year) => (Of(year, 1), Of(year, 12));

    public static (int First, int Last) QuarterRange(int year, int quarter) => (Of(year, ((quarter - 1) * 3) + 1), Of(year, quarter * 3));

    public static int OfDate(DateTime utc) => Of(utc.Year, utc.Month);

    public static int OfDate(DateOnly date) => Of(date.Year, date.Month);

    public static bool IsWellFormed(int period) => Year(period) is >= MinYear and <= 2100 && Month(period) is >= 1 and <= 12;

    /// <summary>A month that exists and has begun: figures are for months already under way, never the future.</summary>
    public static void Check(int period, DateTime nowUtc)
    {
        if (!IsWellFormed(period))
        {
            throw new DomainRuleException("figure.period", $"'{period}' is not a month (yyyymm from {MinYear}).") { Args = new Dictionary<string, object?> { ["period"] = period } };
        }

        if (period > BureauMonth(nowUtc))
        {
            throw new DomainRuleException("figure.period_future", $"{Format(period)} has not begun.") { Args = new Dictionary<string, object?> { ["period"] = Format(period) } };
        }
    }

    /// <summary>
    /// The month under way in Kunshan (UTC+8 without daylight saving since 1991, as the Application's BureauCalendar):
    /// between 00:00 and 08:00 on the 1st the new month has begun there while UTC is still in the old one.
    /// </summary>
    public static int BureauMonth(DateTime nowUtc) => OfDate(nowUtc.AddHours(8));

    public static string Format(int period) => $"{Year(period):D4}-{Month(period):D2}";
}
