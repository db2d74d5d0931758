using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceCloseTimes;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceRequestLoad;
using KunshanInvest.Application.Reports.ServiceRequests.GetServiceSatisfaction;
using Mediator;

namespace KunshanInvest.Api.Endpoints;

/// <summary>The service request reports, beside the other reports; managers only.</summary>
internal static class ServiceReportEndpoints
{
    public static void MapServiceReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports/service-requests").WithTags("Reports")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager));

        reports.MapGet("/load", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetServiceRequestLoad(), ct)))
            .WithSummary("Open service requests now and how many are overdue, by category and by department.");
        reports.MapGet("/close-times", async (int? year, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetServiceCloseTimes(year), ct)))
            .WithSummary("Median and mean days from 受理 to 办结 per department, of the requests closed in ?year= (default: this Kunshan year).");
        reports.MapGet("/satisfaction", async (int? year, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetServiceSatisfaction(year), ct)))
            .WithSummary("Return visits and average satisfaction (1–5) per department and month of ?year= (default: this Kunshan year).");
    }
}
