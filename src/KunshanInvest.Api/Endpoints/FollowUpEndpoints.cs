using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.FollowUps.CancelFollowUp;
using KunshanInvest.Application.FollowUps.CompleteFollowUp;
using KunshanInvest.Application.FollowUps.CreateFollowUp;
using KunshanInvest.Application.FollowUps.EditFollowUp;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Application.FollowUps.GetMyFollowUps;
using KunshanInvest.Application.FollowUps.ListProjectFollowUps;
using KunshanInvest.Application.FollowUps.ReassignFollowUp;
using KunshanInvest.Application.FollowUps.RescheduleFollowUp;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

internal static class FollowUpEndpoints
{
    internal sealed record CompleteFollowUpBody(string? Note);

    internal sealed record ReassignFollowUpBody(Guid? AssigneeId, DateOnly? DueOn);

    internal sealed record EditFollowUpBody(string? Title, string? Notes);

    internal sealed record RescheduleFollowUpBody(DateOnly? DueOn, string? Reason);

    internal sealed record CancelFollowUpBody(string? Reason);

    /// <summary>The staff work slice: interactions feed follow-ups, which feed notifications.</summary>
    public static void MapFollowUpSliceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapInteractionEndpoints();
        app.MapFollowUpEndpoints();
        app.MapNotificationEndpoints();
    }

    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var followUps = app.MapGroup("/api/v1/follow-ups").WithTags("Follow-ups")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        followUps.MapPost("/", CreateAsync)
            .WithSummary("Schedule a follow-up (跟进任务) for a project; for the caller unless assigneeId names a colleague.");

        followUps.MapGet("/mine", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyFollowUps(), ct)))
            .WithSummary("The caller's open follow-ups: overdue, due today and the next 14 days, by Kunshan's calendar.");

        followUps.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One follow-up; its ETag is what If-Match sends back.");

        followUps.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithSummary("Mark a follow-up done (the assignee or a manager). Requires If-Match.")
            .WithDescription("Optional JSON body: { \"note\": \"…\" } (up to 2000 characters).");

        followUps.MapPost("/{id:guid}/reassign", ReassignAsync)
            .WithSummary("Hand a follow-up to another staff member, optionally with a new due date (the assignee, the project's owner or a manager). Requires If-Match.");

        followUps.MapPut("/{id:guid}", EditAsync)
            .WithSummary("Reword an open follow-up's title and notes (the assignee, the project's owner or a manager). Requires If-Match.");

        followUps.MapPost("/{id:guid}/reschedule", RescheduleAsync)
            .WithSummary("Move an open follow-up to another day, not before today in Kunshan, with an optional reason; it is reminded again on the new day. Requires If-Match.");

        followUps.MapPost("/{id:guid}/cancel", CancelAsync)
            .WithSummary("Cancel an open follow-up with a reason (the assignee, the project's owner or a manager); a done one is a 422. Requires If-Match.");

        app.MapGet("/api/v1/projects/{id:guid}/follow-ups", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListProjectFollowUps(id), ct)))
            .WithTags("Projects")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .WithSummary("A project's follow-ups, open ones first.");
    }

    private static async Task<Created<FollowUpDto>> CreateAsync(CreateFollowUp command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var followUp = await sender.Send(command, ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Created($"/api/v1/follow-ups/{followUp.Id}", followUp);
    }

    private static async Task<Ok<FollowUpDto>> GetAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var followUp = await sender.Send(new GetFollowUp(id), ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Ok(followUp);
    }

    private static async Task<Ok<FollowUpDto>> CompleteAsync(Guid id, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(request);
        var body = await OptionalBodyAsync<CompleteFollowUpBody>(request, ct);
        var followUp = await sender.Send(new CompleteFollowUp(id, body?.Note, version), ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Ok(followUp);
    }

    /// <summary>
    /// A body that may be left out entirely. Bound as a parameter it would make routing turn away a request with no
    /// Content-Type (it then falls through to the API's 404), so it is read here instead.
    /// </summary>
    private static async Task<T?> OptionalBodyAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType() || request.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new BadHttpRequestException("The body is not valid JSON of the expected shape.", StatusCodes.Status400BadRequest, ex);
        }
    }

    private static async Task<Ok<FollowUpDto>> ReassignAsync(Guid id, ReassignFollowUpBody body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(request);
        var followUp = await sender.Send(new ReassignFollowUp(id, body.AssigneeId, body.DueOn, version), ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Ok(followUp);
    }

    private static async Task<Ok<FollowUpDto>> EditAsync(Guid id, EditFollowUpBody body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(request);
        var followUp = await sender.Send(new EditFollowUp(id, body.Title, body.Notes, version), ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Ok(followUp);
    }

    private static async Task<Ok<FollowUpDto>> RescheduleAsync(Guid id, RescheduleFollowUpBody body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(request);
        var followUp = await sender.Send(new RescheduleFollowUp(id, body.DueOn, body.Reason, version), ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Ok(followUp);
    }

    private static async Task<Ok<FollowUpDto>> CancelAsync(Guid id, CancelFollowUpBody body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(request);
        var followUp = await sender.Send(new CancelFollowUp(id, body.Reason, version), ct);
        Concurrency.SetETag(response, followUp.Version);
        return TypedResults.Ok(followUp);
    }
}
