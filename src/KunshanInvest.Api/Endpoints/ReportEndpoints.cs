using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Reports;
using KunshanInvest.Application.Reports.ExportReports;
using KunshanInvest.Application.Reports.GetBreakdown;
using KunshanInvest.Application.Reports.GetEventReport;
using KunshanInvest.Application.Reports.GetForeignCapitalBreakdown;
using KunshanInvest.Application.Reports.GetPerMuRanking;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using KunshanInvest.Application.Reports.GetRealisedByMonth;
using KunshanInvest.Application.Reports.GetPledgedVsRealised;
using KunshanInvest.Application.Reports.GetStageDurations;
using KunshanInvest.Application.Reports.GetStalledProjects;
using KunshanInvest.Application.Reports.GetTargetProgress;
using KunshanInvest.Application.Reports.GetTrend;
using KunshanInvest.Application.Reports.Rates;
using KunshanInvest.Application.Reports.TakePipelineSnapshot;
using KunshanInvest.Application.Reports.Targets;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ExportReportsQuery = KunshanInvest.Application.Reports.ExportReports.ExportReports;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// Manager reports: one GET per report under one filter (?from=2026-01-01&amp;to=2026-06-30&amp;sectorId=…&amp;parkId=…&amp;officerId=…),
/// the whole set as .xlsx / .csv, and each report's data as .csv. Managers and Admins see all; an Officer's officer
/// filter is forced to itself; Partners and Auditors get 403. The Admin's targets, rates and snapshot sit beside them.
/// </summary>
internal static class ReportEndpoints
{
    public sealed record ReportQuery(DateOnly? From, DateOnly? To, Guid? SectorId, Guid? ParkId, Guid? OfficerId)
    {
        public ReportFilter ToFilter() => new() { From = From, To = To, SectorId = SectorId, ParkId = ParkId, OfficerId = OfficerId };
    }

    public sealed record TargetBody(long Value);

    public sealed record RateBody(decimal CnyPerUnit);

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        reports.MapGet("/funnel", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPipelineFunnel(q.ToFilter()), ct)))
            .WithSummary("The pipeline now per sector × stage: projects, pledged CNY (report year's rates), foreign capital USD, conversion between stages.");
        reports.MapGet("/stage-durations", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStageDurations(q.ToFilter()), ct)))
            .WithSummary("Median and 90th-percentile days per stage (nearest rank) of the stays that ended in the period.");
        reports.MapGet("/targets", async ([AsParameters] ReportQuery q, DateOnly? asOf, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetTargetProgress(q.ToFilter(), asOf), ct)))
            .WithSummary("Targets vs actual for the year the period ends in (realised metrics: verified figures of that year up to ?asOf=, default today), with the share of the year elapsed at ?asOf=.");
        reports.MapGet("/realised-by-month", async ([AsParameters] ReportQuery q, DateOnly? asOf, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRealisedByMonth(q.ToFilter(), asOf), ct)))
            .WithSummary("Verified 到位资金 and 实际使用外资 per month of the year the period ends in, cumulated, against the year's target spread over the months.");
        reports.MapGet("/foreign-capital-by-sector", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetForeignCapitalBreakdown(q.ToFilter(), ForeignCapitalDimension.Sector), ct)))
            .WithSummary("Verified 实际使用外资 (USD) of the period's months per sector.");
        reports.MapGet("/foreign-capital-by-country", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetForeignCapitalBreakdown(q.ToFilter(), ForeignCapitalDimension.Country), ct)))
            .WithSummary("Verified 实际使用外资 (USD) of the period's months per country or region of the enterprise.");
        reports.MapGet("/per-mu", async ([AsParameters] ReportQuery q, int? year, int? top, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPerMuRanking(q.ToFilter(), year, top ?? GetPerMuRanking.DefaultTop), ct)))
            .WithSummary("亩均: enterprises ranked by verified tax per 亩 in ?year= (default: the year the period ends in) with 亩均营收 and the A/B/C/D class (T: not rated); ?top= rows (1–500).");
        reports.MapGet("/pledged-vs-realised", async ([AsParameters] ReportQuery q, PledgeGrouping? by, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPledgedVsRealised(q.ToFilter(), by ?? PledgeGrouping.Sector), ct)))
            .WithSummary("Pledged at signing vs cumulative verified 到位资金, 实际使用外资, tax and output of the signed projects, ?by=Sector|Park|Officer|Project, year by year over the period.");
        reports.MapGet("/stalled", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStalledProjects(q.ToFilter()), ct)))
            .WithSummary("六未 projects now: counts per kind and the longest-waiting with days overdue, owner and blocking issues.");
        reports.MapGet("/by-source", ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => BreakdownAsync(q, BreakdownDimension.Source, sender, ct))
            .WithSummary("Per source channel: projects, live, signed in the period and their pledges.");
        reports.MapGet("/by-country", ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => BreakdownAsync(q, BreakdownDimension.Country, sender, ct))
            .WithSummary("Per country or region of origin (the enterprise's).");
        reports.MapGet("/by-officer", ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => BreakdownAsync(q, BreakdownDimension.Officer, sender, ct))
            .WithSummary("Per officer: workload (live projects, visits in the period) and results (signings).");
        reports.MapGet("/events", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetEventReport(q.ToFilter()), ct)))
            .WithSummary("Events in the period: signings recorded there beside the announced figures.");
        reports.MapGet("/trend", async ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetTrend(q.ToFilter()), ct)))
            .WithSummary("Monthly series from the daily pipeline snapshots (the last snapshot of each month).");
        reports.MapGet("/export.xlsx", ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => ExportAsync(q, ExportFormat.Xlsx, null, sender, ct))
            .WithSummary("Every report as one workbook, a sheet per report.");
        reports.MapGet("/export.csv", ([AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => ExportAsync(q, ExportFormat.Csv, null, sender, ct))
            .WithSummary("Every report in one UTF-8 CSV, each under its name.");
        reports.MapGet("/{report}.csv", (string report, [AsParameters] ReportQuery q, ISender sender, CancellationToken ct) => ExportAsync(q, ExportFormat.Csv, report, sender, ct))
            .WithSummary("One report's data (a chart's) as CSV: funnel, stage-durations, targets, pledged-vs-realised, stalled, by-source, by-country, by-officer, events, trend.");

        var targets = app.MapGroup("/api/v1/admin/targets").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        targets.MapGet("/", async (int year, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListTargets(year), ct)))
            .WithSummary("The targets of a year (?year=2026).");
        targets.MapPost("/", CreateTargetAsync).WithSummary("Set a target: year, metric, value, optional sector / officer / park.");
        targets.MapPut("/{id:guid}", UpdateTargetAsync).WithSummary("Revise a target's value (If-Match required).");
        targets.MapDelete("/{id:guid}", DeleteTargetAsync).WithSummary("Remove a target (If-Match required).");

        var rates = app.MapGroup("/api/v1/admin/exchange-rates").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        rates.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListExchangeRates(), ct)))
            .WithSummary("Every yearly rate (CNY per unit).");
        rates.MapPost("/", CreateRateAsync).WithSummary("Add a year's rate for a currency.");
        rates.MapPut("/{id:guid}", UpdateRateAsync).WithSummary("Correct a rate (If-Match required).");

        app.MapPost("/api/v1/admin/snapshots", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new TakePipelineSnapshot(), ct)))
            .WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Take today's pipeline snapshot now (replaces today's if taken already).");
    }

    private static async Task<Ok<Breakdown>> BreakdownAsync(ReportQuery q, BreakdownDimension dimension, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetBreakdown(q.ToFilter(), dimension), ct));

    private static async Task<FileStreamHttpResult> ExportAsync(ReportQuery q, ExportFormat format, string? only, ISender sender, CancellationToken ct)
    {
        // Built in a temporary file first, as the other exports are: MiniExcel writes synchronously (docs/adr/0005).
        var path = Path.Combine(Path.GetTempPath(), $"ki-reports-{Guid.NewGuid():N}.tmp");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var file = await sender.Send(new ExportReportsQuery(q.ToFilter(), format, temp, only), ct);
            temp.Position = 0;
            return TypedResults.File(temp, file.ContentType, file.FileName);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<Created<TargetDto>> CreateTargetAsync(CreateTarget command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var target = await sender.Send(command, ct);
        Concurrency.SetETag(response, target.Version);
        return TypedResults.Created($"/api/v1/admin/targets/{target.Id}", target);
    }

    private static async Task<Ok<TargetDto>> UpdateTargetAsync(Guid id, TargetBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var target = await sender.Send(new UpdateTarget(id, Concurrency.RequireIfMatch(request), body.Value), ct);
        Concurrency.SetETag(response, target.Version);
        return TypedResults.Ok(target);
    }

    private static async Task<NoContent> DeleteTargetAsync(Guid id, ISender sender, HttpRequest request, CancellationToken ct)
    {
        await sender.Send(new DeleteTarget(id, Concurrency.RequireIfMatch(request)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ExchangeRateDto>> CreateRateAsync(CreateExchangeRate command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var rate = await sender.Send(command, ct);
        Concurrency.SetETag(response, rate.Version);
        return TypedResults.Created($"/api/v1/admin/exchange-rates/{rate.Id}", rate);
    }

    private static async Task<Ok<ExchangeRateDto>> UpdateRateAsync(Guid id, RateBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var rate = await sender.Send(new UpdateExchangeRate(id, Concurrency.RequireIfMatch(request), body.CnyPerUnit), ct);
        Concurrency.SetETag(response, rate.Version);
        return TypedResults.Ok(rate);
    }
}
