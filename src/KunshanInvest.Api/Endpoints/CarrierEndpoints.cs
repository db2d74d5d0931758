using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Carriers;
using KunshanInvest.Application.Carriers.CreateParcel;
using KunshanInvest.Application.Carriers.CreatePremises;
using KunshanInvest.Application.Carriers.GetCarrierOverview;
using KunshanInvest.Application.Carriers.GetParcel;
using KunshanInvest.Application.Carriers.GetPremises;
using KunshanInvest.Application.Carriers.ImportCarriers;
using KunshanInvest.Application.Carriers.ListParcels;
using KunshanInvest.Application.Carriers.ListPremises;
using KunshanInvest.Application.Carriers.SetParcelStatus;
using KunshanInvest.Application.Carriers.UpdateParcel;
using KunshanInvest.Application.Carriers.UpdatePremises;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLeads;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>The carrier register (载体库): reads for staff, writes and the workbook import for admins.</summary>
internal static class CarrierEndpoints
{
    /// <summary>A parcel's fields; the guide price in CNY fen per 亩.</summary>
    public sealed record ParcelBody(string Code, Guid ParkId, double AreaMu, CarrierUse Use, ParcelStatus Status, long? GuidePriceFenPerMu, string? Note);

    /// <summary>A parcel's status change, with an optional reason for its history.</summary>
    public sealed record ParcelStatusBody(ParcelStatus Status, string? Note);

    /// <summary>Premises' fields; rent in CNY fen per m² and month.</summary>
    public sealed record PremisesBody(Guid ParkId, string Building, PremisesKind Kind, double AreaM2, double VacantM2, double? FloorLoadKnPerM2, int Floors, long? RentFenPerM2Month, string? Note);

    /// <summary><c>?parkId=…&amp;use=Industrial&amp;status=Available&amp;minMu=40&amp;maxMu=60&amp;text=…&amp;sort=Area&amp;desc=true&amp;page=1&amp;pageSize=50</c>.</summary>
    public sealed record ParcelQuery(Guid? ParkId, CarrierUse? Use, ParcelStatus? Status, double? MinMu, double? MaxMu, string? Text, ParcelSort? Sort, bool? Desc, int? Page, int? PageSize);

    /// <summary><c>?parkId=…&amp;kind=Office&amp;status=Available&amp;minM2=…&amp;maxM2=…&amp;minVacantM2=…&amp;text=…&amp;sort=Vacant&amp;desc=true&amp;page=1&amp;pageSize=50</c>.</summary>
    public sealed record PremisesQuery(Guid? ParkId, PremisesKind? Kind, PremisesStatus? Status, double? MinM2, double? MaxM2, double? MinVacantM2, string? Text, PremisesSort? Sort, bool? Desc, int? Page, int? PageSize);

    public static void MapCarrierEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/carriers").WithTags("Carriers")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));
        staff.MapGet("/overview", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCarrierOverview(), ct)))
            .WithSummary("Available land (parcels 可供, free and reserved 亩 apart) by park and use, and vacant premises' m² by park and kind.");
        staff.MapGet("/parcels", async ([AsParameters] ParcelQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListParcels(q.ParkId, q.Use, q.Status, q.MinMu, q.MaxMu, q.Text, q.Sort ?? ParcelSort.Code, q.Desc ?? false, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("The parcel register, filtered, sorted and one page at a time.");
        staff.MapGet("/parcels/{id:guid}", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var page = await sender.Send(new GetParcel(id), ct);
                Concurrency.SetETag(response, page.Parcel.Version);
                return TypedResults.Ok(page);
            })
            .WithSummary("A parcel with its park and projects, and its history newest first.");
        staff.MapGet("/premises", async ([AsParameters] PremisesQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPremises(q.ParkId, q.Kind, q.Status, q.MinM2, q.MaxM2, q.MinVacantM2, q.Text, q.Sort ?? PremisesSort.Building, q.Desc ?? false, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("The premises register, filtered (vacancy too), sorted and one page at a time.");
        staff.MapGet("/premises/{id:guid}", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var page = await sender.Send(new GetPremises(id), ct);
                Concurrency.SetETag(response, page.Premises.Version);
                return TypedResults.Ok(page);
            })
            .WithSummary("Premises with their park and projects, and their history newest first.");

        var admin = app.MapGroup("/api/v1/admin/carriers").WithTags("Carriers")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPost("/parcels", CreateParcelAsync).WithSummary("Enter a parcel (宗地编号 unique: 409 when taken).");
        admin.MapPut("/parcels/{id:guid}", UpdateParcelAsync).WithSummary("Correct a parcel's entry (If-Match required).");
        admin.MapPut("/parcels/{id:guid}/status", SetStatusAsync).WithSummary("Move a parcel between 储备, 可供 and 已出让 (If-Match required).");
        admin.MapPost("/premises", CreatePremisesAsync).WithSummary("Enter premises (one per park and building: 409 when taken).");
        admin.MapPut("/premises/{id:guid}", UpdatePremisesAsync).WithSummary("Correct premises' entry (If-Match required).");

        admin.MapGet("/import/template.xlsx", async (ISender sender, CancellationToken ct) =>
            {
                var template = await sender.Send(new GetCarrierImportTemplate(), ct);
                return TypedResults.File(template.Content, LeadImportTemplate.ContentType, template.FileName);
            })
            .WithSummary("The carrier workbook template: sheets 宗地 and 房源, 填写说明, and the parks.");

        // As the ledger import: a bearer client or the UI's SameSite=Lax cookie, so no antiforgery token.
        admin.MapPost("/import/preview", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var (content, name) = await LedgerEndpoints.ReadAsync(http, ct);
                return TypedResults.Ok(await sender.Send(new PreviewCarrierImport(content, name), ct));
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Check a carrier workbook (form field `file`) and say per row what the import would do, or each error; writes nothing.");
        admin.MapPost("/import", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var (content, name) = await LedgerEndpoints.ReadAsync(http, ct);
                return TypedResults.Ok(await sender.Send(new ImportCarriers(content, name), ct));
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import a carrier workbook (form field `file`): every row or, when any row has an error, none (400 listing them).");
    }

    private static async Task<Created<ParcelDto>> CreateParcelAsync(ParcelBody body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var parcel = await sender.Send(new CreateParcel(body.Code, body.ParkId, body.AreaMu, body.Use, body.Status, body.GuidePriceFenPerMu, body.Note), ct);
        Concurrency.SetETag(response, parcel.Version);
        return TypedResults.Created($"/api/v1/carriers/parcels/{parcel.Id}", parcel);
    }

    private static async Task<Ok<ParcelDto>> UpdateParcelAsync(Guid id, ParcelBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var parcel = await sender.Send(new UpdateParcel(id, Concurrency.RequireIfMatch(request), body.Code, body.ParkId, body.AreaMu, body.Use, body.GuidePriceFenPerMu, body.Note), ct);
        Concurrency.SetETag(response, parcel.Version);
        return TypedResults.Ok(parcel);
    }

    private static async Task<Ok<ParcelDto>> SetStatusAsync(Guid id, ParcelStatusBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var parcel = await sender.Send(new SetParcelStatus(id, Concurrency.RequireIfMatch(request), body.Status, body.Note), ct);
        Concurrency.SetETag(response, parcel.Version);
        return TypedResults.Ok(parcel);
    }

    private static async Task<Created<PremisesDto>> CreatePremisesAsync(PremisesBody body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var premises = await sender.Send(new CreatePremises(body.ParkId, body.Building, body.Kind, body.AreaM2, body.VacantM2, body.FloorLoadKnPerM2, body.Floors, body.RentFenPerM2Month, body.Note), ct);
        Concurrency.SetETag(response, premises.Version);
        return TypedResults.Created($"/api/v1/carriers/premises/{premises.Id}", premises);
    }

    private static async Task<Ok<PremisesDto>> UpdatePremisesAsync(Guid id, PremisesBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var premises = await sender.Send(new UpdatePremises(
            id, Concurrency.RequireIfMatch(request), body.ParkId, body.Building, body.Kind, body.AreaM2, body.VacantM2, body.FloorLoadKnPerM2, body.Floors, body.RentFenPerM2Month, body.Note), ct);
        Concurrency.SetETag(response, premises.Version);
        return TypedResults.Ok(premises);
    }
}
