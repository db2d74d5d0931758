using System.Globalization;

namespace KunshanInvest.Domain.Notifications;

/// <summary>The periods job effects are keyed by: one reminder per follow-up per Kunshan day, one digest per ISO week.</summary>
public static class JobPeriods
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 week, e.g. <c>2026-W01</c> for 29 December 2025 (a Monday in the week holding 1 January 2026's Thursday).</summary>
    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>The Monday that starts the ISO week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
