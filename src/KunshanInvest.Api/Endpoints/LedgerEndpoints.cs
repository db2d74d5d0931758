using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLeads;
using KunshanInvest.Application.Projects.ImportLedger;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>The ledger (台账) import: its template, a preview any staff member may run, and the manager's confirmed import (ADR 0028).</summary>
internal static class LedgerEndpoints
{
    /// <summary>Room for the multipart envelope around a file of the largest size accepted.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/api/v1/projects/ledger").WithTags("Projects");

        ledger.MapGet("/template.xlsx", TemplateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .WithSummary("The ledger import template: sheets 台账 and 年度实绩, the sheet 填写说明 explaining each column, and the sectors, parks and stages.");

        // As the lead import: a bearer client or the UI's SameSite=Lax cookie, so no antiforgery token.
        ledger.MapPost("/preview", PreviewAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Check a ledger (form field `file`) and say per row what the import would do, or each error; writes nothing.");

        ledger.MapPost("/import", ImportAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import a ledger (form field `file`), managers only: every row or, when any row has an error, none (400 listing them).");
    }

    private static async Task<FileContentHttpResult> TemplateAsync(ISender sender, CancellationToken ct)
    {
        var template = await sender.Send(new GetLedgerTemplate(), ct);
        return TypedResults.File(template.Content, LeadImportTemplate.ContentType, template.FileName);
    }

    private static async Task<Ok<LedgerImportResult>> PreviewAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        var (content, name) = await ReadAsync(http, ct);
        return TypedResults.Ok(await sender.Send(new PreviewLedger(content, name), ct));
    }

    private static async Task<Ok<LedgerImportResult>> ImportAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        var (content, name) = await ReadAsync(http, ct);
        return TypedResults.Ok(await sender.Send(new ImportLedger(content, name), ct));
    }

    /// <summary>
    /// The upload, refused before it is held in memory when too large (413: Kestrel stops reading past the limit) or not a
    /// form (415); a form without a file is a 400 on <c>file</c>.
    /// </summary>
    internal static async Task<(byte[] Content, string FileName)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var tooLarge = M.LedgerTooLarge.With(("mb", LedgerWorkbook.MaxBytes / 1024 / 1024));
        if (http.Request.ContentLength > LedgerWorkbook.MaxBytes + EnvelopeBytes)
        {
            throw new BadHttpRequestException(tooLarge.ToString(), StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = LedgerWorkbook.MaxBytes + EnvelopeBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            throw new BadHttpRequestException(M.ImportUploadField.ToString(), StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException && ex is not BadHttpRequestException)
        {
            // A malformed multipart body (no boundary, a broken section) is the client's fault: 400, not 500.
            throw new BadHttpRequestException(M.ImportUploadField.ToString(), StatusCodes.Status400BadRequest, ex);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            throw FieldError.Invalid("file", M.ImportUploadField);
        }

        if (file.Length > LedgerWorkbook.MaxBytes)
        {
            throw new BadHttpRequestException(tooLarge.ToString(), StatusCodes.Status413PayloadTooLarge);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        return (content, file.FileName);
    }
}
