using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Reports.GetBreakdown;
using GetBreakdownQuery = KunshanInvest.Application.Reports.GetBreakdown.GetBreakdown;
using KunshanInvest.Application.Reports.GetEventReport;
using GetEventReportQuery = KunshanInvest.Application.Reports.GetEventReport.GetEventReport;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
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

namespace KunshanInvest.Application.Reports.ExportReports;

/// <summary>
/// 导出报表: every report under one filter as one .xlsx (a sheet per report) or one .csv (the sheets one after
/// another, each under its name); <see cref="Only"/> names one report (a chart's data). Each report is the same query
/// the API and the dashboard run, sent through the pipeline, so the officer scope applies to every sheet.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ExportReports(ReportFilter Filter, ExportFormat Format, Stream Destination, string? Only = null) : IQuery<ReportExportFile>, IReportRequest;

public sealed record ReportExportFile(string FileName, string ContentType, int Sheets);

public sealed class ExportReportsValidator : AbstractValidator<ExportReports>
{
    public ExportReportsValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.Format).IsInEnum().OverridePropertyName("format");
        RuleFor(x => x.Only).Must(o => o is null || ReportSheets.All.Contains(o)).OverridePropertyName("report")
            .WithMsg(M.ReportName.With(("names", string.Join(", ", ReportSheets.All))));
        RuleFor(x => x.Destination).Writable();
    }
}

public sealed class ExportReportsHandler(ISender sender, IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExportReports, ReportExportFile>
{
    public async ValueTask<ReportExportFile> Handle(ExportReports query, CancellationToken cancellationToken)
    {
        var sheets = await SheetsAsync(query.Filter, query.Only, cancellationToken);
        var fileName = ExportPipeline.FileName(query.Only is null ? "招商报表" : $"招商报表-{query.Only}", clock, query.Format);
        await ExportPipeline.WriteSheetsAsync(query.Format, query.Destination, [.. sheets.Select(s => new ExportSheet(s.Name, s.Headers, s.Rows))], cancellationToken);
        return new ReportExportFile(fileName, ExportContentTypes.Of(query.Format), sheets.Count);
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

        if (Wants(ReportSheets.RealisedByMonth))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetRealisedByMonth.GetRealisedByMonth(filter), cancellationToken)));
        }

        foreach (var (key, by) in new[] { (ReportSheets.ForeignCapitalBySector, ForeignCapitalDimension.Sector), (ReportSheets.ForeignCapitalByCountry, ForeignCapitalDimension.Country) })
        {
            if (Wants(key))
            {
                sheets.Add(ReportSheets.Of(await sender.Send(new GetForeignCapitalBreakdown.GetForeignCapitalBreakdown(filter, by), cancellationToken)));
            }
        }

        if (Wants(ReportSheets.PerMu))
        {
            sheets.Add(ReportSheets.Of(await sender.Send(new GetPerMuRanking.GetPerMuRanking(filter, Top: GetPerMuRanking.GetPerMuRanking.MaxTop), cancellationToken)));
        }

        sheets.AddRange(await GetFunnelMatrix.FunnelMatrixSheet.SheetsAsync(sender, filter, Wants, cancellationToken));
        sheets.AddRange(await ServiceRequests.ServiceReportSheets.SheetsAsync(sender, user, Wants, cancellationToken));
        return sheets;
    }
}
