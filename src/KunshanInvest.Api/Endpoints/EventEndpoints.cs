using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Events;
using KunshanInvest.Application.Events.CreateEvent;
using KunshanInvest.Application.Events.GetEvent;
using KunshanInvest.Application.Events.GetEventSignings;
using KunshanInvest.Application.Events.ListEvents;
using KunshanInvest.Application.Events.RecordSignings;
using KunshanInvest.Application.Events.UpdateEvent;
using KunshanInvest.Domain.Events;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// 招商活动 and their signing ceremonies. Staff read; managers and admins write. The event carries its Version as a
/// weak ETag; an edit sends it back in If-Match.
/// </summary>
internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/events").WithTags("Events")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        events.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEvents(), ct)))
            .WithSummary("Events, latest first, with the number of projects recorded as signed at each.");

        events.MapPost("/", CreateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager))
            .ProducesValidationProblem()
            .WithSummary("Create an event with its announced figures (Manager/Admin). Amounts in CNY fen.");

        events.MapGet("/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An event (ETag).");

        events.MapPut("/{id:guid}", UpdateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Edit an event (Manager/Admin, If-Match required).");

        events.MapGet("/{id:guid}/signings", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetEventSignings(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The projects recorded as signed at the event, and their totals (pledges per currency and in CNY fen) beside the announced figures.");

        events.MapPost("/{id:guid}/signings", RecordAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record a signing ceremony: all rows move to 签约 with the event linked, in one transaction, or none. Errors are keyed rows[i].field (i from 0); 400 for bad input, 422 when only stage gates or stages fail.");
    }

    private static async Task<Created<EventDetail>> CreateAsync(CreateEvent command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        Concurrency.SetETag(response, created.Version);
        return TypedResults.Created($"/api/v1/events/{created.Id}", created);
    }

    private static async Task<Ok<EventDetail>> GetAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var detail = await sender.Send(new GetEvent(id), ct);
        Concurrency.SetETag(response, detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Ok<EventDetail>> UpdateAsync(Guid id, EventBody body, ISender sender, HttpContext http, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(http.Request);
        var detail = await sender.Send(
            new UpdateEvent(id, version, body.NameZh, body.NameEn, body.Kind, body.StartsOn, body.EndsOn, body.Place, body.Organiser, body.Note, body.AnnouncedProjects, body.AnnouncedInvestmentFen),
            ct);
        Concurrency.SetETag(http.Response, detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Ok<SigningsRecorded>> RecordAsync(Guid id, SigningsBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordSignings(id, body.Rows ?? []), ct));

    /// <summary>The body of PUT /events/{id}: the fields of <see cref="CreateEvent"/> but the code; the version comes in If-Match.</summary>
    internal sealed record EventBody(
        string NameZh,
        string NameEn,
        EventKind Kind,
        DateOnly StartsOn,
        DateOnly EndsOn,
        string? Place = null,
        string? Organiser = null,
        string? Note = null,
        int? AnnouncedProjects = null,
        long? AnnouncedInvestmentFen = null);

    internal sealed record SigningsBody(IReadOnlyList<SigningRow>? Rows);
}
