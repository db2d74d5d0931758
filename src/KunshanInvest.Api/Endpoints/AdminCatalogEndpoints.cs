using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Parks.CreatePark;
using KunshanInvest.Application.Parks.GetPark;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Application.Parks.UpdatePark;
using KunshanInvest.Application.Sectors;
using KunshanInvest.Application.Sectors.CreateSector;
using KunshanInvest.Application.Sectors.GetSectorSettings;
using KunshanInvest.Application.Sectors.ListSectorSettings;
using KunshanInvest.Application.Sectors.ListSectors;
using KunshanInvest.Application.Sectors.SetSectorActive;
using KunshanInvest.Application.Sectors.UpdateSector;
using KunshanInvest.Domain.Sectors;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// The Admin's catalogue: sectors (names, descriptions, 六未 limits, active flag) and parks. Reads return the
/// version as ETag; edits send it back in If-Match (428 without it, 409 when stale).
/// </summary>
internal static class AdminCatalogEndpoints
{
    public sealed record SectorBody(string NameZh, string NameEn, string? DescriptionZh, string? DescriptionEn, SectorLimits? Limits);

    public sealed record ParkBody(string NameZh, string NameEn, string? Description);

    public static void MapAdminCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var sectors = app.MapGroup("/api/v1/admin/sectors").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));

        sectors.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSectorSettings(), ct)))
            .WithSummary("Every sector, active or not, with its own limits (null = default) and the defaults.");
        sectors.MapGet("/{id:guid}", GetSectorAsync).WithSummary("One sector's settings; ETag = version.");
        sectors.MapPost("/", CreateSectorAsync).WithSummary("Open a new sector.");
        sectors.MapPut("/{id:guid}", UpdateSectorAsync).WithSummary("Rename, describe and set the sector's 六未 and stale-activity limits (If-Match required).");
        sectors.MapPost("/{id:guid}/deactivate", (Guid id, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct) => SetActiveAsync(id, false, sender, request, response, ct))
            .WithSummary("Deactivate: the sector keeps its history and reports but takes no new leads (If-Match required).");
        sectors.MapPost("/{id:guid}/reactivate", (Guid id, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct) => SetActiveAsync(id, true, sender, request, response, ct))
            .WithSummary("Reactivate a sector (If-Match required).");

        var parks = app.MapGroup("/api/v1/admin/parks").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));

        parks.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListParks(), ct)))
            .WithSummary("Every park (载体).");
        parks.MapGet("/{id:guid}", GetParkAsync).WithSummary("One park; ETag = version.");
        parks.MapPost("/", CreateParkAsync).WithSummary("Add a park.");
        parks.MapPut("/{id:guid}", UpdateParkAsync).WithSummary("Rename and describe a park (If-Match required).");
    }

    private static async Task<Ok<SectorSettingsDto>> GetSectorAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var sector = await sender.Send(new GetSectorSettings(id), ct);
        Concurrency.SetETag(response, sector.Version);
        return TypedResults.Ok(sector);
    }

    private static async Task<Created<SectorDto>> CreateSectorAsync(CreateSector command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var sector = await sender.Send(command, ct);
        Concurrency.SetETag(response, sector.Version);
        return TypedResults.Created($"/api/v1/admin/sectors/{sector.Id}", sector);
    }

    private static async Task<Ok<SectorSettingsDto>> UpdateSectorAsync(Guid id, SectorBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var sector = await sender.Send(new UpdateSector(id, Concurrency.RequireIfMatch(request), body.NameZh, body.NameEn, body.DescriptionZh, body.DescriptionEn, body.Limits), ct);
        Concurrency.SetETag(response, sector.Version);
        return TypedResults.Ok(sector);
    }

    private static async Task<Ok<SectorSettingsDto>> SetActiveAsync(Guid id, bool active, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var sector = await sender.Send(new SetSectorActive(id, Concurrency.RequireIfMatch(request), active), ct);
        Concurrency.SetETag(response, sector.Version);
        return TypedResults.Ok(sector);
    }

    private static async Task<Ok<ParkDto>> GetParkAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var park = await sender.Send(new GetPark(id), ct);
        Concurrency.SetETag(response, park.Version);
        return TypedResults.Ok(park);
    }

    private static async Task<Created<ParkDto>> CreateParkAsync(CreatePark command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var park = await sender.Send(command, ct);
        Concurrency.SetETag(response, park.Version);
        return TypedResults.Created($"/api/v1/admin/parks/{park.Id}", park);
    }

    private static async Task<Ok<ParkDto>> UpdateParkAsync(Guid id, ParkBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var park = await sender.Send(new UpdatePark(id, Concurrency.RequireIfMatch(request), body.NameZh, body.NameEn, body.Description), ct);
        Concurrency.SetETag(response, park.Version);
        return TypedResults.Ok(park);
    }
}
