using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.GetProjectFlags;
using KunshanInvest.Application.Projects.ReassignProject;
using KunshanInvest.Application.Reports;
using KunshanInvest.Application.Reports.GetFunnelMatrix;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// The pipeline's flags and hand-overs: a project's stale / 六未 flags with its reassignment proposal, a manager's
/// reassignment (ADR 0040), and the funnel as a sector × stage matrix under the reports' filter.
/// </summary>
internal static class PipelineEndpoints
{
    public sealed record ReassignBody(Guid OwnerId, string Reason);

    public static void MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Projects")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));
        staff.MapGet("/projects/{id:guid}/flags", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var flags = await sender.Send(new GetProjectFlags(id), ct);
                Concurrency.SetETag(response, flags.Version);
                return TypedResults.Ok(flags);
            })
            .WithSummary("The stale flag, the 六未 escalation level, the open reassignment proposal and past reassignments; ETag = the project's version.");
        staff.MapGet("/reports/funnel-matrix", async ([AsParameters] ReportEndpoints.ReportQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFunnelMatrix(q.ToFilter()), ct)))
            .WithSummary("The pipeline now as a sector × stage matrix: projects and pledged CNY per cell (officers: their own projects).");

        var managers = app.MapGroup("/api/v1/projects").WithTags("Projects")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager));
        managers.MapPost("/{id:guid}/reassign", ReassignAsync)
            .WithSummary("Give the project to another officer with a reason (If-Match required); the old owner's open follow-ups move with it, both are told.");
    }

    private static async Task<Ok<ProjectReassigned>> ReassignAsync(Guid id, ReassignBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var reassigned = await sender.Send(new ReassignProject(id, Concurrency.RequireIfMatch(request), body.OwnerId, body.Reason), ct);
        Concurrency.SetETag(response, reassigned.Version);
        return TypedResults.Ok(reassigned);
    }
}
