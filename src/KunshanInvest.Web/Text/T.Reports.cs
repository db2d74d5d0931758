using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string Dashboard => P("领导驾驶舱", "Dashboard");
    public static string ProjectTitle => P("项目名称", "Project");
    public static string DashboardHint => P("漏斗、停滞与落地为当前状态;签约、阶段时长、活动与趋势按所选期间统计。", "Funnel, stalled and pledged-vs-realised show the pipeline now; signings, stage times, events and the trend follow the period.");
    public static string PeriodFrom => P("起始日期", "From");
    public static string PeriodTo => P("截止日期", "To");
    public static string Officer => P("招商专员", "Officer");
    public static string AllOfficers => P("全部专员", "All officers");
    public static string OwnFiguresOnly => P("仅显示本人负责项目的数据。", "Showing your own projects' figures only.");
    public static string Funnel => P("项目漏斗", "Pipeline funnel");
    public static string InvestmentPerStage => P("各阶段协议投资额(亿元)", "Pledged investment per stage (CNY 100 m)");
    public static string Reached => P("已达到", "Reached");
    public static string Conversion => P("转化率", "Conversion");
    public static string ForeignCapital => P("外资", "Foreign capital");
    public static string RateNote(int year) => P($"外币按 {year} 年汇率折算为人民币。", $"Other currencies converted to CNY at {year}'s rates.");
    public static string NoRate(string list) => P($"缺少汇率、未计入合计:{list}", $"No rate, left out of the totals: {list}");
    public static string Targets => P("目标完成情况", "Targets vs actual");
    public static string YearElapsed(double share) => P($"时间进度 {share:P0}", $"Year elapsed {share:P0}");
    public static string Target => P("目标", "Target");
    public static string Actual => P("实际", "Actual");
    public static string NoTarget => P("未设目标", "No target");
    public static string Behind => P("落后于时间进度", "Behind the year");
    public static string Trend => P("月度趋势", "Monthly trend");
    public static string TrendEmpty => P("暂无快照数据(每日快照由定时任务或管理员生成)。", "No snapshots yet (taken daily by the job, or by an Admin).");
    public static string StalledList => P("六未项目", "Stalled projects");
    public static string DaysOverdue => P("超期天数", "Days overdue");
    public static string InStageSince => P("阶段开始", "In stage since");
    public static string Blocking => P("卡点", "Blocking issues");
    public static string StageDurations => P("阶段停留天数", "Days in stage");
    public static string Median => P("中位数", "Median");
    public static string P90 => P("90分位", "90th percentile");
    public static string Stays => P("样本数", "Stays");
    public static string PledgedVsRealised => P("协议与落地", "Pledged vs realised");
    public static string JobsPledgedRealised => P("就业(协议/实际)", "Jobs (pledged / realised)");
    public static string Tax => P("年税收(协议/实际)", "Annual tax (pledged / realised)");
    public static string BySource => P("按来源渠道", "By source channel");
    public static string ByCountry => P("按国别地区", "By country or region");
    public static string ByOfficer => P("按招商专员", "By officer");
    public static string SignedInPeriod => P("期间签约", "Signed in period");
    public static string Visits => P("期间走访", "Visits in period");
    public static string EventsReport => P("活动签约", "Signings at events");
    public static string DownloadData => P("下载数据", "Download data");
    public static string ExportReportXlsx => P("导出全部报表 Excel", "All reports as .xlsx");
    public static string ExportReportCsv => P("导出全部报表 CSV", "All reports as .csv");
    public static string AdminTargets => P("目标管理", "Targets");
    public static string AdminRates => P("汇率管理", "Exchange rates");
    public static string Year => P("年度", "Year");
    public static string Metric => P("指标", "Metric");
    public static string Value => P("目标值", "Value");
    public static string Zone => P("全区", "Whole zone");
    public static string TargetSaved => P("目标已保存", "Target saved");
    public static string TargetDeleted => P("目标已删除", "Target removed");
    public static string Delete => P("删除", "Remove");
    public static string CnyPerUnit => P("1 单位折合人民币", "CNY per unit");
    public static string RateSaved => P("汇率已保存", "Rate saved");
    public static string TakeSnapshot => P("立即生成今日快照", "Take today's snapshot now");
    public static string SnapshotTaken(int rows) => P($"已生成今日快照({rows} 行)", $"Today's snapshot taken ({rows} rows)");
    public static string TargetValueHint(TargetMetric metric) => metric switch
    {
        _ when metric.IsCny() => P("万元", "CNY 10k"),
        TargetMetric.ForeignCapital => P("万美元", "USD 10k"),
        TargetMetric.Jobs or TargetMetric.RealisedJobs => P("人", "people"),
        _ => P("个", "projects"),
    };

    public static string MetricName(TargetMetric metric) => metric switch
    {
        TargetMetric.SignedProjects => P("签约项目数", "Signed projects"),
        TargetMetric.SignedInvestment => P("签约投资额", "Signed investment"),
        TargetMetric.ForeignCapital => P("实际使用外资", "Foreign capital actually used"),
        TargetMetric.FundsInPlace => P("到位资金", "Funds in place"),
        TargetMetric.MajorProjects => P("重大项目数", "Major projects"),
        TargetMetric.Jobs => P("协议就业", "Jobs pledged"),
        TargetMetric.RealisedTax => P("税收", "Tax paid"),
        TargetMetric.IndustrialOutput => P("工业总产值", "Industrial output"),
        TargetMetric.RealisedJobs => P("用工人数", "Headcount"),
        TargetMetric.FixedAssetInvestment => P("固定资产投资", "Fixed-asset investment"),
        _ => metric.ToString(),
    };

    /// <summary>A metric's value as the bureau reads it: 万元/亿元 for CNY, 万美元 for foreign capital, else the count.</summary>
    public static string MetricValue(TargetMetric metric, long value) => metric switch
    {
        _ when metric.IsCny() => Amounts.Cny(value),
        TargetMetric.ForeignCapital => Amounts.Usd(value),
        _ => value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture),
    };
}
