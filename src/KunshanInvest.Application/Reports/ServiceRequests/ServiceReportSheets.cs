using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Reports.ExportReports;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceCloseTimes;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceRequestLoad;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceSatisfaction;
using Mediator;

namespace KunshanInvest.Application.Reports.ServiceRequests;

/// <summary>
/// The service request reports as sheets of the dashboard's workbook: for managers only (the reports are theirs), the
/// current Kunshan year; the report filter's sector, park and officer do not apply (requests have none).
/// </summary>
public static class ServiceReportSheets
{
    public const string LoadByCategory = "service-load-by-category";
    public const string LoadByDepartment = "service-load-by-department";
    public const string CloseTimes = "service-close-times";
    public const string Satisfaction = "service-satisfaction";

    public static IReadOnlyList<string> All { get; } = [LoadByCategory, LoadByDepartment, CloseTimes, Satisfaction];

    public static async Task<IReadOnlyList<ReportSheet>> SheetsAsync(ISender sender, ICurrentUser user, Func<string, bool> wants, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Manager) || !All.Any(wants))
        {
            return [];
        }

        var sheets = new List<ReportSheet>();
        if (wants(LoadByCategory) || wants(LoadByDepartment))
        {
            var load = await sender.Send(new GetServiceRequestLoad.GetServiceRequestLoad(), cancellationToken);
            if (wants(LoadByCategory))
            {
                sheets.Add(Of(LoadByCategory, "诉求分类别", "诉求类别", load.ByCategory));
            }

            if (wants(LoadByDepartment))
            {
                sheets.Add(Of(LoadByDepartment, "诉求分部门", "办理部门", load.ByDepartment));
            }
        }

        if (wants(CloseTimes))
        {
            var times = await sender.Send(new GetServiceCloseTimes.GetServiceCloseTimes(), cancellationToken);
            sheets.Add(new ReportSheet(CloseTimes, $"{times.Year}诉求办结用时", ["办理部门", "办结数", "中位数(天)", "平均(天)"],
                [.. times.Departments.Select(d => (IReadOnlyList<object?>)[d.NameZh, d.Closed, Math.Round(d.MedianDays, 1), Math.Round(d.MeanDays, 1)])]));
        }

        if (wants(Satisfaction))
        {
            var satisfaction = await sender.Send(new GetServiceSatisfaction.GetServiceSatisfaction(), cancellationToken);
            sheets.Add(new ReportSheet(Satisfaction, $"{satisfaction.Year}诉求满意度", ["办理部门", "月份", "回访数", "平均满意度(1–5)"],
                [.. satisfaction.Rows.Select(r => (IReadOnlyList<object?>)[r.NameZh, r.Month, r.Visits, Math.Round(r.AverageSatisfaction, 2)])]));
        }

        return sheets;
    }

    private static ReportSheet Of(string key, string name, string first, IReadOnlyList<ServiceLoadRow> rows) => new(
        key, name, [first, "在办", "超期"],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.NameZh, r.Open, r.Overdue]).Append([ReportSheets.TotalLabel, rows.Sum(r => r.Open), rows.Sum(r => r.Overdue)])]);
}
