namespace KunshanInvest.Application.Common.Messages;

/// <summary>KPIs by period: per-mu ranking, realised figures by month, sector and country.</summary>
public static partial class M
{
    public static readonly Msg KpiYearRange = new("kpi.year_range", "年度须在 2000–2100 年之间。", "The year must lie between 2000 and 2100.");
    public static readonly Msg KpiTopRange = new("kpi.top_range", "显示条数须在 1–500 之间。", "Show between 1 and 500 rows.");
    public static readonly Msg KpiAsOfRange = new("kpi.as_of_range", "统计截止日须在 2000–2100 年之间。", "The as-of date must lie between 2000 and 2100.");
    public static readonly Msg KpiDimension = new("kpi.dimension", "未知的分组方式。", "Unknown grouping.");
}
