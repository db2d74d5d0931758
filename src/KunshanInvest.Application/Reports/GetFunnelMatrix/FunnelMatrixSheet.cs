using KunshanInvest.Application.Reports.ExportReports;
using KunshanInvest.Domain.Projects;
using Mediator;

namespace KunshanInvest.Application.Reports.GetFunnelMatrix;

/// <summary>
/// The sector × stage matrix as a sheet of the dashboard's workbook: a row per sector, per stage its projects and
/// pledged investment (元), then the row's totals; the last row sums each column.
/// </summary>
public static class FunnelMatrixSheet
{
    public const string Key = "funnel-matrix";

    public static IReadOnlyList<string> All { get; } = [Key];

    public static async Task<IReadOnlyList<ReportSheet>> SheetsAsync(ISender sender, ReportFilter filter, Func<string, bool> wants, CancellationToken cancellationToken) =>
        wants(Key) ? [Of(await sender.Send(new GetFunnelMatrix(filter), cancellationToken))] : [];

    public static ReportSheet Of(FunnelMatrix matrix)
    {
        var headers = new List<string> { "产业链" };
        foreach (var stage in matrix.Stages)
        {
            headers.Add($"{stage.ZhName()}·项目数");
            headers.Add($"{stage.ZhName()}·协议投资额(元)");
        }

        headers.Add("合计项目数");
        headers.Add($"合计协议投资额(元,{matrix.RateYear}年汇率)");

        var rows = matrix.Rows
            .Select(r => Row(r.SectorNameZh ?? "(未分配)", r.Cells, r.Projects, r.PledgedFen))
            .Append(Row(ReportSheets.TotalLabel, matrix.Totals, matrix.Totals.Sum(c => c.Projects), matrix.Totals.Sum(c => c.PledgedFen)))
            .ToList();
        return new ReportSheet(Key, "漏斗矩阵", headers, rows);
    }

    private static IReadOnlyList<object?> Row(string label, IReadOnlyList<FunnelMatrixCell> cells, int projects, long pledgedFen)
    {
        var row = new List<object?> { label };
        foreach (var cell in cells)
        {
            row.Add(cell.Projects);
            row.Add(ReportSheets.Yuan(cell.PledgedFen));
        }

        row.Add(projects);
        row.Add(ReportSheets.Yuan(pledgedFen));
        return row;
    }
}
