using KunshanInvest.Application.Notifications.ListMyNotifications;
using KunshanInvest.Application.Notifications.MarkAllRead;
using KunshanInvest.Application.Notifications.MarkNotificationRead;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

internal static class NotificationEndpoints
{
    internal sealed record MarkedRead(int Count);

    /// <summary>Every signed-in role has an inbox, partners included; each sees only their own.</summary>
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();

        notifications.MapGet("/", async (ISender sender, CancellationToken ct, int take = ListMyNotifications.DefaultTake) =>
                TypedResults.Ok(await sender.Send(new ListMyNotifications(take), ct)))
            .WithSummary("The caller's unread count and latest notices.");

        notifications.MapPost("/{id:guid}/read", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MarkNotificationRead(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark one of the caller's notices read.");

        notifications.MapPost("/read-all", async (ISender sender, CancellationToken ct) => TypedResults.Ok(new MarkedRead(await sender.Send(new MarkAllRead(), ct))))
            .WithSummary("Mark all the caller's notices read; returns how many were unread.");
    }
}
