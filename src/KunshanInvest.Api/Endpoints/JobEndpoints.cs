using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs.ManageJobs;
using Mediator;

namespace KunshanInvest.Api.Endpoints;

internal static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/admin/jobs").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        jobs.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListJobs(), ct)))
            .WithSummary("The recurring jobs: schedule (cron, Kunshan time), last run and its state, next run.");
        jobs.MapPost("/{name}/run", async (string name, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RunJobNow(name), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithSummary("Run a recurring job now (queued; its effects still happen once per period).");
    }
}
