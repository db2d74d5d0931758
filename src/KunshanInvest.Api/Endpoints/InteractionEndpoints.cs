using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Interactions.GetInteraction;
using KunshanInvest.Application.Interactions.GetProjectTimeline;
using KunshanInvest.Application.Interactions.RecordInteraction;
using KunshanInvest.Domain.Interactions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

internal static class InteractionEndpoints
{
    /// <summary>
    /// The body of <c>POST /api/v1/interactions</c>. <see cref="Kind"/> is read as text so that an unknown name is a
    /// 400 naming <c>kind</c> alongside any other field errors, not an unreadable body.
    /// </summary>
    internal sealed record RecordInteractionBody(
        Guid? ProjectId, Guid? EnterpriseId, string? Kind, DateTimeOffset? OccurredAt, string? Summary, string? NextSteps, DateOnly? FollowUpOn);

    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        var interactions = app.MapGroup("/api/v1/interactions").WithTags("Interactions")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        interactions.MapPost("/", RecordAsync)
            .WithSummary("Record a visit, call or meeting (走访记录); optionally schedule the project owner's next follow-up.")
            .WithDescription($"kind: {string.Join(", ", Enum.GetNames<InteractionKind>())}. occurredAt: an instant with its offset. followUpOn: a date, with nextSteps as the follow-up's title.");

        interactions.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One interaction.");

        app.MapGet("/api/v1/projects/{id:guid}/timeline", TimelineAsync).WithTags("Projects")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .WithSummary("A project's interactions and stage changes, newest first, with who did them.");
    }

    private static async Task<Created<RecordedInteraction>> RecordAsync(RecordInteractionBody body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var recorded = await sender.Send(
            new RecordInteraction(body.ProjectId, body.EnterpriseId, ParseKind(body.Kind), body.OccurredAt, body.Summary, body.NextSteps, body.FollowUpOn), ct);
        Concurrency.SetETag(response, recorded.Interaction.Version);
        return TypedResults.Created($"/api/v1/interactions/{recorded.Interaction.Id}", recorded);
    }

    private static async Task<Ok<InteractionDto>> GetAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var interaction = await sender.Send(new GetInteraction(id), ct);
        Concurrency.SetETag(response, interaction.Version);
        return TypedResults.Ok(interaction);
    }

    private static async Task<Ok<ProjectTimeline>> TimelineAsync(Guid id, ISender sender, CancellationToken ct, int take = GetProjectTimeline.DefaultTake) =>
        TypedResults.Ok(await sender.Send(new GetProjectTimeline(id, take), ct));

    /// <summary>Names only, any case. An unknown name becomes an undefined value, which the validator reports on <c>kind</c>.</summary>
    private static InteractionKind? ParseKind(string? kind)
    {
        if (kind is null)
        {
            return null;
        }

        var name = Enum.GetNames<InteractionKind>().FirstOrDefault(n => string.Equals(n, kind.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null ? (InteractionKind)(-1) : Enum.Parse<InteractionKind>(name);
    }
}
