using KunshanInvest.Application.CarrierMatching;
using KunshanInvest.Application.CarrierMatching.FindCarriersForProject;
using KunshanInvest.Application.CarrierMatching.ReleaseCarrier;
using KunshanInvest.Application.CarrierMatching.ReserveCarrier;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>载体匹配: the carriers that fit a project's need, and the project's reservation of one (docs/adr/0033).</summary>
internal static class CarrierMatchingEndpoints
{
    /// <summary>
    /// The need: <c>?areaMu=50</c> (parcels; default the project's pledged 亩) or <c>?areaM2=3000</c> (premises' vacant
    /// m²), <c>use=Industrial|Research|Commercial</c> (default Industrial), <c>parkId</c> (default the project's), <c>top</c> (1–50, default 10).
    /// </summary>
    public sealed record MatchQuery(double? AreaMu, double? AreaM2, CarrierUse? Use, Guid? ParkId, int? Top);

    /// <summary>The carrier to reserve: <c>kind</c> Parcel or Premises, and its id.</summary>
    public sealed record ReservationBody(CarrierKind Kind, Guid CarrierId);

    public static void MapCarrierMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/projects/{id:guid}").WithTags("Carrier matching")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        staff.MapGet("/carrier-matches", async (Guid id, [AsParameters] MatchQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FindCarriersForProject(id, q.AreaMu, q.AreaM2, q.Use, q.ParkId, q.Top), ct)))
            .WithSummary("Available parcels or premises that fit the project's need, ranked: preferred park, closest area within 80–150 % of the need, lower price; with what the project holds.");
        staff.MapPost("/carrier-reservations", async (Guid id, ReservationBody body, ISender sender, CancellationToken ct) =>
            {
                var held = await sender.Send(new ReserveCarrier(id, body.Kind, body.CarrierId), ct);
                return TypedResults.Created($"/api/v1/projects/{id}/carrier-matches", held);
            })
            .WithSummary("Reserve an available carrier for the project before 供地 (the owner or a manager); one project per carrier, a race's loser gets 409.");
        staff.MapDelete("/carrier-reservations", async Task<NoContent> (Guid id, string? note, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReleaseCarrier(id, note), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Release the carrier the project holds (the owner or a manager), with an optional ?note=.");
    }
}
