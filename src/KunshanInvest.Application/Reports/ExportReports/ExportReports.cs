using System.Globalization;
using System.Text;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ExportProjects;
using KunshanInvest.Application.Reports.GetBreakdown;
using GetBreakdownQuery = KunshanInvest.Application.Reports.GetBreakdown.GetBreakdown;
using KunshanInvest.Application.Reports.GetEventReport;
using GetEventReportQuery = KunshanInvest.Application.Reports.GetEventReport.GetEventReport;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using GetPipelineFunnelQuery = KunshanInvest.Application.Reports.GetPipelineFunnel.GetPipelineFunnel;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;
using GetPledgedVsRealisedQuery = KunshanInvest.Application.Reports.GetPledgedVsRealised.GetPledgedVsRealised;
using KunshanInvest.Application.Reports.GetStageDurations;
using GetStageDurationsQuery = KunshanInvest.Application.Reports.GetStageDurations.GetStageDurations;
using KunshanInvest.Application.Reports.GetStalledProjects;
using GetStalledProjectsQuery = KunshanInvest.Application.Reports.GetStalledProjects.GetStalledProjects;
using KunshanInvest.Application.Reports.GetTargetProgress;
using GetTargetProgressQuery = KunshanInvest.Application.Reports.GetTargetProgress.GetTargetProgress;
using KunshanInvest.Application.Reports.GetTrend;
using GetTrendQuery = KunshanInvest.Application.Reports.GetTrend.GetTrend;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace KunshanInvest.Application.Reports.ExportReports;

public enum ReportExportFormat
{
    Xlsx = 0,
    Csv = 1,
}

/// <summary>
/// 导出报表: every report under one filter as one .xlsx (a sheet per report) or one .csv (the sheets one after
/// another, each under its name); <see cref="Only"/> names one report (a chart's data). Each report is the same query
/// the API and the dashboard run, sent through the pipeline, so the officer scope applies to every sheet.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ExportReports(ReportFilter Filter, ReportExportFormat Format, Stream Destination, string? Only = null) : IQuery<ReportExportFile>, IReportRequest;

public sealed record ReportExportFile(string FileName, string ContentType, int Sheets);

public sealed class ExportReportsValidator : AbstractValidator<ExportReports>
{
    public ExportReportsValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.Format).IsInEnum().OverridePropertyName("format");
        RuleFor(x => x.Only).Must(o => o is null || ReportSheets.All.Contains(o)).OverridePropertyName("report")
            .WithMessage($"报表名称应为 {string.Join(", ", ReportSheets.All)} 之一 / The report is one of {string.Join(", ", ReportSheets.All)}.");
        RuleFor(x => x.Destination).Must(d => d is { CanWrite: true }).WithMessage("Export needs a writable stream.");
    }
}

public sealed class ExportReportsHandler(ISender sender, IAppDbContext db, TimeProvider clock) : IQueryHandler<ExportReports, ReportExportFile>
{
    public async ValueTask<ReportExportFile> Handle(ExportReports query, CancellationToken cancellationToken)
    {
        var sheets = await SheetsAsync(query.Filter, query.Only, cancellationToken);
        var day = clock.BureauToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = query.Only is null ? $"招商报表-{day}" : $"招商报表-{query.Only}-{day}";

        if (query.Format == ReportExportFormat.Csv)
        {
            await WriteCsvAsync(query.Destination, sheets, cancellationToken);
            return new ReportExportFile($"{name}.csv", ProjectExportFile.CsvContentType, sheets.Count);
        }

        var workbook = sheets.ToDictionary(
            s => s.Name,
            s => (object)(s.Rows.Count == 0 ? [Row(s.Headers, [.. s.Headers.Select((_, i) => i == 0 ? "(无数据)" : (object?)null)])] : s.Rows.Select(r => Row(s.Headers, r)).ToList()));
        await Task.Run(() => MiniExcel.SaveAs(query.Destination, workbook, excelType: ExcelType.XLSX), cancellationToken);
        return new ReportExportFile($"{name}.xlsx", ProjectExportFile.XlsxContentType, sheets.Count);
    }

    /// <summary>Runs the wanted reports; the funnel's sector names cost one statement.</summary>
    public async Task<IReadOnlyList<ReportSheet>> SheetsAsync(ReportFilter filter, string? only, CancellationToken cancellationToken)
    {
        bool Wants(string key) => only is null || only == key;
        var sheets = new List<ReportSheet>();
        if (Wants(ReportSheets.Funnel))
        {
            var funnel = await sender.Send(new GetPipelineFunnelQuery(filter), cancellationToken);
            var names = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.NameZh, cancellationToken);
            sheets.Add(ReportSheets.Of(funnel, names));
        }

        if (Wants(ReportSheets.StageDurations))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetStageDurationsQuery(filter), cancellationToken)));
        }

        if (Wants(ReportSheets.Targets))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetTargetProgressQuery(filter), cancellationToken)));
        }

        if (Wants(ReportSheets.Pledged))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetPledgedVsRealisedQuery(filter), cancellationToken)));
        }

        if (Wants(ReportSheets.Stalled))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetStalledProjectsQuery(filter), cancellationToken)));
        }

        foreach (var (key, dimension) in new[] { (ReportSheets.BySource, BreakdownDimension.Source), (ReportSheets.ByCountry, BreakdownDimension.Country), (ReportSheets.ByOfficer, BreakdownDimension.Officer) })
        {
            if (Wants(key))
            {
                sheets.Add(ReportSheets.Of(await sender.Send(new GetBreakdownQuery(filter, dimension), cancellationToken)));
            }
        }

        if (Wants(ReportSheets.Events))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetEventReportQuery(filter), cancellationToken)));
        }

        if (Wants(ReportSheets.Trend))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetTrendQuery(filter), cancellationToken)));
        }

        return sheets;
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<string> headers, IReadOnlyList<object?> values)
    {
        var row = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            row[headers[i]] = i < values.Count ? values[i] : null;
        }

        return row;
    }

    /// <summary>UTF-8 with a byte order mark (Excel needs it for Chinese); text that starts like a formula gets a leading '.</summary>
    private static async Task WriteCsvAsync(Stream destination, IReadOnlyList<ReportSheet> sheets, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var first = true;
        foreach (var sheet in sheets)
        {
            if (sheets.Count > 1)
            {
                if (!first)
                {
                    await writer.WriteLineAsync();
                }

                await writer.WriteLineAsync(Field(sheet.Name));
            }

            first = false;
            await writer.WriteLineAsync(string.Join(',', sheet.Headers.Select(Field)));
            foreach (var row in sheet.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(string.Join(',', row.Select(Field)));
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
