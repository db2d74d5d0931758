using System.Globalization;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Reports.GetBreakdown;
using KunshanInvest.Application.Reports.GetEventReport;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
using KunshanInvest.Application.Reports.GetPerMuRanking;
using KunshanInvest.Application.Reports.GetRealisedByMonth;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;
using KunshanInvest.Application.Reports.GetStageDurations;
using KunshanInvest.Application.Reports.GetStalledProjects;
using KunshanInvest.Application.Reports.GetTargetProgress;
using KunshanInvest.Application.Reports.GetTrend;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Application.Reports.ExportReports;

/// <summary>The reports as sheets: one per report, each a header row and data rows, the same in the .xlsx and the .csv.</summary>
public sealed record ReportSheet(string Key, string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Turns report results into sheets. Amounts are in yuan (元, two decimals) so a sheet sums exactly; the dashboard
/// shows the same figures in 万元/亿元.
/// </summary>
public static class ReportSheets
{
    public const string Funnel = "funnel";
    public const string StageDurations = "stage-durations";
    public const string Targets = "targets";
    public const string Pledged = "pledged-vs-realised";
    public const string Stalled = "stalled";
    public const string BySource = "by-source";
    public const string ByCountry = "by-country";
    public const string ByOfficer = "by-officer";
    public const string Events = "events";
    public const string Trend = "trend";
    public const string RealisedByMonth = "realised-by-month";
    public const string ForeignCapitalBySector = "foreign-capital-by-sector";
    public const string ForeignCapitalByCountry = "foreign-capital-by-country";
    public const string PerMu = "per-mu";

    public static IReadOnlyList<string> All { get; } =
        [Funnel, StageDurations, Targets, Pledged, Stalled, BySource, ByCountry, ByOfficer, Events, Trend, RealisedByMonth, ForeignCapitalBySector, ForeignCapitalByCountry, PerMu, .. GetFunnelMatrix.FunnelMatrixSheet.All, .. ServiceRequests.ServiceReportSheets.All];

    public const string TotalLabel = "合计";

    public static decimal Yuan(long fen) => fen / 100m;

    private static decimal? Yuan(long? fen) => fen is { } f ? f / 100m : null;

    private static double Days(double days) => Math.Round(days, 1);

    private static string Day(DateTime utc) => Common.BureauCalendar.DateOf(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MetricName(TargetMetric metric) => metric switch
    {
        TargetMetric.SignedProjects => "签约项目数",
        TargetMetric.SignedInvestment => "签约投资额(元)",
        TargetMetric.ForeignCapital => "实际使用外资(美元)",
        TargetMetric.FundsInPlace => "到位资金(元)",
        TargetMetric.RealisedTax => "税收(元)",
        TargetMetric.IndustrialOutput => "工业总产值(元)",
        TargetMetric.RealisedJobs => "用工人数(人)",
        TargetMetric.FixedAssetInvestment => "固定资产投资(元)",
        TargetMetric.MajorProjects => "重大项目数",
        TargetMetric.Jobs => "就业(人)",
        _ => metric.ToString(),
    };

    /// <summary>A target's value or actual in the unit the sheet names: yuan / dollars for money, else as counted.</summary>
    public static decimal MetricValue(TargetMetric metric, long value) =>
        metric.IsCny() || metric.IsUsd() ? value / 100m : value;

    public static ReportSheet Of(PipelineFunnel funnel, IReadOnlyDictionary<Guid, string> sectorNames)
    {
        var rows = funnel.Cells
            .Select(c => (IReadOnlyList<object?>)[c.SectorId is { } s ? sectorNames.GetValueOrDefault(s, "?") : "(未分配)", c.Stage.ZhName(), c.Projects, Yuan(c.PledgedFen), Yuan(c.ForeignCapitalUsdCents), null])
            .Concat(funnel.Stages.Select(s => (IReadOnlyList<object?>)[TotalLabel, s.Stage.ZhName(), s.Projects, Yuan(s.PledgedFen), Yuan(s.ForeignCapitalUsdCents), s.ConversionFromPrevious is { } c ? Math.Round(c, 4) : null]))
            .Append([TotalLabel, TotalLabel, funnel.TotalProjects, Yuan(funnel.TotalPledgedFen), Yuan(funnel.TotalForeignCapitalUsdCents), null])
            .ToList();
        return new ReportSheet(Funnel, "项目漏斗", ["产业链", "阶段", "项目数", $"协议投资额(元,{funnel.RateYear}年汇率)", "外资(美元)", "上一阶段转化率"], rows);
    }

    public static ReportSheet Of(StageDurations durations) => new(
        StageDurations, "阶段停留天数", ["阶段", "完成停留数", "中位数(天)", "90分位(天)", "平均(天)"],
        [.. durations.Stages.Select(s => (IReadOnlyList<object?>)[s.Stage.ZhName(), s.Stays, Days(s.MedianDays), Days(s.P90Days), Days(s.MeanDays)])]);

    public static ReportSheet Of(TargetProgress progress)
    {
        var rows = progress.Metrics
            .Select(m => (IReadOnlyList<object?>)["(当前筛选)", "", "", MetricName(m.Metric), m.Target is { } t ? MetricValue(m.Metric, t) : null, MetricValue(m.Metric, m.Actual), m.Progress is { } p ? Math.Round(p, 4) : null, Math.Round(progress.ElapsedShare, 4)])
            .Concat(progress.Targets.Select(t => (IReadOnlyList<object?>)[t.SectorName ?? "全区", t.OfficerName ?? "", t.ParkName ?? "", MetricName(t.Metric), MetricValue(t.Metric, t.Value), MetricValue(t.Metric, t.Actual), t.Progress is { } p ? Math.Round(p, 4) : null, Math.Round(progress.ElapsedShare, 4)]))
            .ToList();
        return new ReportSheet(Targets, $"{progress.Year}目标完成", ["产业链", "专员", "载体", "指标", "目标", "实际", "完成率", "时间进度"], rows);
    }

    public static ReportSheet Of(PledgedVsRealised pledged)
    {
        var rows = pledged.Groups
            .SelectMany(g => g.Years.Select(y => (IReadOnlyList<object?>)[
                g.Code ?? g.Label, g.Code is null ? null : g.Label, y.Year, y.SignedProjects, Yuan(y.PledgedFen), Yuan(y.PledgedForeignUsdCents), Yuan(y.PledgedAnnualTaxFen), Yuan(y.PledgedAnnualOutputFen),
                Yuan(y.FundsInPlaceFen), Yuan(y.ForeignCapitalUsdCents), Yuan(y.TaxFen), Yuan(y.OutputFen)]))
            .Append([TotalLabel, $"{pledged.Projects} 个项目", pledged.Total.Year, pledged.Total.SignedProjects, Yuan(pledged.Total.PledgedFen), Yuan(pledged.Total.PledgedForeignUsdCents), Yuan(pledged.Total.PledgedAnnualTaxFen), Yuan(pledged.Total.PledgedAnnualOutputFen),
                Yuan(pledged.Total.FundsInPlaceFen), Yuan(pledged.Total.ForeignCapitalUsdCents), Yuan(pledged.Total.TaxFen), Yuan(pledged.Total.OutputFen)])
            .ToList();
        return new ReportSheet(Pledged, "协议与落地", ["分组", "项目名称", "截至年末", "已签约项目", "协议投资额(元)", "协议外资(美元)", "协议年税收(元)", "协议年产值(元)", "累计到位资金(元)", "累计实际使用外资(美元)", "累计税收(元)", "累计工业总产值(元)"], rows);
    }

    public static ReportSheet Of(StalledReport stalled) => new(
        Stalled, "六未项目", ["项目编号", "项目名称", "产业链", "阶段", "阶段开始", "在阶段天数", "时限(天)", "超期天数", "负责人", "卡点"],
        [.. stalled.Items.Select(i => (IReadOnlyList<object?>)[i.Code, i.Name, i.SectorNameZh, i.Stage.ZhName(), Day(i.StageEnteredAtUtc), i.DaysInStage, i.LimitDays, i.DaysOverdue, i.OwnerName, i.BlockingIssues])]);

    public static ReportSheet Of(Breakdown breakdown)
    {
        var (key, name, first) = breakdown.Dimension switch
        {
            BreakdownDimension.Source => (BySource, "分来源渠道", "来源渠道"),
            BreakdownDimension.Country => (ByCountry, "分国别地区", "国家/地区"),
            _ => (ByOfficer, "分招商专员", "招商专员"),
        };
        return new ReportSheet(key, name, [first, "项目数", "在库项目", "期间签约", "期间签约投资额(元)", "期间走访"],
            [.. breakdown.Rows.Select(r => (IReadOnlyList<object?>)[r.Label, r.Projects, r.LiveProjects, r.SignedInPeriod, Yuan(r.SignedPledgedFen), r.Interactions])]);
    }

    public static ReportSheet Of(EventReport events) => new(
        Events, "活动签约", ["活动", "日期", "公布项目数", "公布投资额(元)", "登记签约项目", "登记协议投资额(元)"],
        [.. events.Events.Select(e => (IReadOnlyList<object?>)[e.NameZh, e.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.AnnouncedProjects, Yuan(e.AnnouncedInvestmentFen), e.RecordedProjects, Yuan(e.RecordedPledgedFen)])]);

    public static ReportSheet Of(Trend trend) => new(
        Trend, "月度趋势", ["月份", "快照日", "在库项目", "签约及以后", "协议投资额(元)"],
        [.. trend.Points.Select(p => (IReadOnlyList<object?>)[p.Month, p.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Projects, p.SignedProjects, Yuan(p.PledgedFen)])]);

    public static ReportSheet Of(RealisedByMonth realised) => new(
        RealisedByMonth, $"{realised.Year}实绩逐月", ["月份", "到位资金(元)", "累计到位资金(元)", "到位资金序时目标(元)", "实际使用外资(美元)", "累计实际使用外资(美元)", "外资序时目标(美元)"],
        [.. realised.Months.Where(m => m.Month <= realised.LastMonth).Select(m => (IReadOnlyList<object?>)[
            $"{realised.Year}-{m.Month:D2}", Yuan(m.FundsFen), Yuan(m.CumulativeFundsFen), Yuan(m.FundsTargetToDateFen), Yuan(m.ForeignUsdCents), Yuan(m.CumulativeForeignUsdCents), Yuan(m.ForeignTargetToDateUsdCents)])]);

    public static ReportSheet Of(ForeignCapitalBreakdown breakdown)
    {
        var (key, name, first) = breakdown.By == ForeignCapitalDimension.Sector
            ? (ForeignCapitalBySector, "实际使用外资分产业链", "产业链")
            : (ForeignCapitalByCountry, "实际使用外资分国别", "国家/地区");
        return new ReportSheet(key, name, [first, "项目数", "实际使用外资(美元)"],
            [.. breakdown.Rows.Select(r => (IReadOnlyList<object?>)[r.Label, r.Projects, Yuan(r.UsdCents)])
                .Append([TotalLabel, breakdown.Rows.Sum(r => r.Projects), Yuan(breakdown.TotalUsdCents)])]);
    }

    public static ReportSheet Of(PerMuRanking ranking) => new(
        PerMu, $"{ranking.Year}亩均排名", ["排名", "类别", "企业", "用地(亩)", "投产日期", "税收(元)", "主营业务收入(元)", "亩均税收(万元/亩)", "亩均营收(万元/亩)"],
        [.. ranking.Items.Select(i => (IReadOnlyList<object?>)[
            i.Rank, i.Class.ToString(), i.Name, Math.Round(i.LandMu, 2), i.ProductionStartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Yuan(i.TaxFen), Yuan(i.RevenueFen),
            i.TaxPerMuWan is { } t ? Math.Round(t, 2) : null, i.RevenuePerMuWan is { } r ? Math.Round(r, 2) : null])]);
}
