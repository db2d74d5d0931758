using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Sectors.CreateSector;
using KunshanInvest.Application.Sectors.GetSectorOverview;
using KunshanInvest.Application.Sectors.ListSectors;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

internal static class SectorEndpoints
{
    public static void MapSectorEndpoints(this IEndpointRouteBuilder app)
    {
        var sectors = app.MapGroup("/api/v1/sectors").WithTags("Sectors").RequireAuthorization();

        sectors.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSectors(), ct)))
            .WithSummary("All sectors (产业链).");

        sectors.MapGet("/overview", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetSectorOverview(), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .WithSummary("Each sector with its live projects and pledged investment in CNY fen.");

        sectors.MapPost("/", CreateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Open a new sector (Admin).");
    }

    private static async Task<Created<SectorDto>> CreateAsync(CreateSector command, ISender sender, CancellationToken ct)
    {
        var sector = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/sectors/{sector.Id}", sector);
    }
}
