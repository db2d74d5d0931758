using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.StaffFiles;
using KunshanInvest.Application.StaffFiles.DeleteStaffFile;
using KunshanInvest.Application.StaffFiles.GetStaffFile;
using KunshanInvest.Application.StaffFiles.ListStaffFiles;
using KunshanInvest.Application.StaffFiles.UploadStaffFiles;
using KunshanInvest.Domain.Files;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// Bureau files on projects, enterprises and visits (ADR 0037): staff upload, staff and auditors read, the uploader or a
/// manager deletes. Partners and department users are refused by role before any lookup.
/// </summary>
internal static class StaffFileEndpoints
{
    /// <summary>Five files plus a megabyte of form overhead.</summary>

    private static readonly (string Collection, AttachmentOwnerKind Kind, string Tag)[] Owners =
    [
        ("projects", AttachmentOwnerKind.Project, "Projects"),
        ("enterprises", AttachmentOwnerKind.Enterprise, "Enterprises"),
        ("interactions", AttachmentOwnerKind.Interaction, "Interactions"),
    ];

    public static void MapStaffFileEndpoints(this IEndpointRouteBuilder app)
    {
        var readers = app.MapGroup("/api/v1").WithTags("Files")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer, Roles.Auditor));
        var writers = app.MapGroup("/api/v1").WithTags("Files")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        foreach (var (collection, kind, _) in Owners)
        {
            readers.MapGet($"/{collection}/{{id:guid}}/files", async Task<Ok<IReadOnlyList<StaffFileDto>>> (Guid id, ISender sender, CancellationToken ct) =>
                    TypedResults.Ok(await sender.Send(new ListStaffFiles(kind, id), ct)))
                .WithSummary(kind == AttachmentOwnerKind.Interaction
                    ? "A visit's files (photos, minutes), newest first."
                    : $"The {kind.ToString().ToLowerInvariant()}'s files and its visits' files (ownerKind/ownerId tell which), newest first.");

            // A bearer client or the UI's SameSite=Lax cookie: a cross-site form cannot post here with the cookie (as the lead import).
            writers.MapPost($"/{collection}/{{id:guid}}/files", async Task<Created<IReadOnlyList<StaffFileDto>>> (Guid id, HttpContext context, ISender sender, CancellationToken ct) =>
                    TypedResults.Created($"/api/v1/{collection}/{id}/files", await UploadAsync(kind, id, context, sender, ct)))
                .DisableAntiforgery()
                .Accepts<IFormFileCollection>("multipart/form-data")
                .WithSummary("Attach up to five files (multipart `files`; optional field `category`: Contract, Minutes, Photo, BusinessLicence, Other). PDF, Word, Excel, images; 10 MB each; content checked by its magic bytes. Images are re-encoded as JPEG, at most 1600 px a side, without EXIF/GPS; one declaring over 64 megapixels is a 422.");
        }

        readers.MapGet("/files/{id:guid}", async Task<FileStreamHttpResult> (Guid id, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetStaffFile(id), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download a file (Content-Disposition: attachment; nosniff).");
        writers.MapDelete("/files/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteStaffFile(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a file: its uploader, or a manager or admin (403 for anyone else); audited.");
    }

    private static async Task<IReadOnlyList<StaffFileDto>> UploadAsync(AttachmentOwnerKind kind, Guid id, HttpContext context, ISender sender, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new BadHttpRequestException(M.JsonOrMultipart.ToString(), StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = FormFiles.MaxBodyBytes;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(ct);

            var files = await FormFiles.ReadAsync(form.Files, M.StaffFileTooMany, ct);

            return await sender.Send(new UploadStaffFiles(kind, id, Category(form["category"].ToString()), files), ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // A truncated or malformed multipart body (no closing boundary …) is the client's error, not ours.
            throw FieldError.Invalid("files", M.FormUnreadable.With(("reason", ex.Message)));
        }
    }

    /// <summary>Names only, any case; an unknown name becomes an undefined value, which the validator reports on <c>category</c>.</summary>
    private static StaffFileCategory? Category(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = Enum.GetNames<StaffFileCategory>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null ? (StaffFileCategory)(-1) : Enum.Parse<StaffFileCategory>(name);
    }
}
