using System.Text.Json;
using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Figures.CorrectFigure;
using KunshanInvest.Application.Figures.GetFigureEvidence;
using KunshanInvest.Application.Figures.ListFiguresAwaitingVerification;
using KunshanInvest.Application.Figures.ListProjectFigures;
using KunshanInvest.Application.Figures.RecordFigure;
using KunshanInvest.Application.Figures.RejectFigure;
using KunshanInvest.Application.Figures.VerifyFigure;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// 实绩: a project's monthly realised figures with their evidence, and the managers' check (maker–checker). Writes on an
/// entry carry its version in If-Match, as every other edit does.
/// </summary>
internal static class FigureEndpoints
{
    /// <summary>The evidence file plus a megabyte of form overhead.</summary>
    private const long MaxBodyBytes = AttachmentRules.MaxBytes + (1024 * 1024);

    /// <summary>A new entry: the JSON body, or the multipart field <c>figure</c> beside one file <c>evidence</c>.</summary>
    internal sealed record FigureInput(FigureKind Kind, int Period, long Amount, string? Currency, long? ForeignPart, string? Note, EvidenceType? EvidenceType);

    /// <summary>A correction (same project, kind and month as the entry it corrects): JSON, or multipart field <c>figure</c> and file <c>evidence</c>.</summary>
    internal sealed record CorrectionInput(long Amount, string? Currency, long? ForeignPart, string? Note, EvidenceType? EvidenceType);

    internal sealed record RejectInput(string? Reason);

    public static void MapFigureEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Figures")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        staff.MapGet("/projects/{id:guid}/figures", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListProjectFigures(id), ct)))
            .WithSummary("A project's figure entries (status, who entered and checked them) and the verified totals per kind, year and quarter.");

        // A bearer client or the UI's SameSite=Lax cookie: a cross-site form cannot post here with the cookie (as the lead import).
        staff.MapPost("/projects/{id:guid}/figures", RecordAsync)
            .DisableAntiforgery()
            .Accepts<FigureInput>("application/json", "multipart/form-data")
            .WithSummary("Record a month's figure: JSON, or multipart with the JSON in field `figure` and one `evidence` file (PDF, Word, Excel, image; 10 MB). Money is converted at the period year's rate (422 naming a missing one).");
        staff.MapPost("/figures/{id:guid}/correct", CorrectAsync)
            .DisableAntiforgery()
            .Accepts<CorrectionInput>("application/json", "multipart/form-data")
            .WithSummary("Correct an entry with a new one that supersedes it once verified (If-Match of the corrected entry; 409 if already superseded or a correction is open).");
        staff.MapPost("/figures/{id:guid}/verify", VerifyAsync)
            .WithSummary("A manager who did not enter it verifies the entry (If-Match required; own entry 403, second check 409).");
        staff.MapPost("/figures/{id:guid}/reject", RejectAsync)
            .WithSummary("A manager who did not enter it rejects the entry with a reason (If-Match required).");
        staff.MapGet("/figures/pending", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListFiguresAwaitingVerification(page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("The managers' queue: entries awaiting verification, oldest first, without the caller's own.");
        staff.MapGet("/figures/{id:guid}/evidence", async Task<FileStreamHttpResult> (Guid id, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetFigureEvidence(id), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download an entry's evidence (Content-Disposition: attachment); bureau staff only.");
    }

    private static async Task<Created<FigureRecorded>> RecordAsync(Guid id, HttpContext context, ISender sender, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (input, file) = await ReadAsync<FigureInput>(context, json.Value.SerializerOptions, ct);
        var recorded = await sender.Send(new RecordFigure(id, input.Kind, input.Period, input.Amount, input.Currency, input.ForeignPart, input.Note, input.EvidenceType, file), ct);
        Concurrency.SetETag(context.Response, recorded.Version);
        return TypedResults.Created($"/api/v1/projects/{id}/figures", recorded);
    }

    private static async Task<Created<FigureRecorded>> CorrectAsync(Guid id, HttpContext context, ISender sender, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(context.Request);
        var (input, file) = await ReadAsync<CorrectionInput>(context, json.Value.SerializerOptions, ct);
        var recorded = await sender.Send(new CorrectFigure(id, version, input.Amount, input.Currency, input.ForeignPart, input.Note, input.EvidenceType, file), ct);
        Concurrency.SetETag(context.Response, recorded.Version);
        return TypedResults.Created($"/api/v1/figures/{recorded.Id}", recorded);
    }

    private static async Task<Ok<FigureChecked>> VerifyAsync(Guid id, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var done = await sender.Send(new VerifyFigure(id, Concurrency.RequireIfMatch(request)), ct);
        Concurrency.SetETag(response, done.Version);
        return TypedResults.Ok(done);
    }

    private static async Task<Ok<FigureChecked>> RejectAsync(Guid id, RejectInput body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var done = await sender.Send(new RejectFigure(id, Concurrency.RequireIfMatch(request), body.Reason), ct);
        Concurrency.SetETag(response, done.Version);
        return TypedResults.Ok(done);
    }

    /// <summary>The JSON body, or the form's <c>figure</c> field and its one <c>evidence</c> file (refused unread when too large).</summary>
    private static async Task<(T Input, UploadedFile? File)> ReadAsync<T>(HttpContext context, JsonSerializerOptions options, CancellationToken ct)
        where T : class
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            if (!request.HasFormContentType)
            {
                if (!request.HasJsonContentType())
                {
                    throw new BadHttpRequestException(M.JsonOrMultipart.ToString(), StatusCodes.Status415UnsupportedMediaType);
                }

                return (await request.ReadFromJsonAsync<T>(options, ct) ?? throw FieldError.Invalid("body", M.BodyEmpty), null);
            }

            var form = await request.ReadFormAsync(ct);
            var fields = form["figure"].ToString();
            var input = string.IsNullOrWhiteSpace(fields)
                ? throw FieldError.Invalid("figure", M.BodyEmpty)
                : JsonSerializer.Deserialize<T>(fields, options) ?? throw FieldError.Invalid("figure", M.BodyEmpty);
            if (form.Files.Count > 1)
            {
                throw FieldError.Invalid("evidence", M.TooManyAttachments.With(("max", 1)));
            }

            if (form.Files.Count == 0)
            {
                return (input, null);
            }

            var file = form.Files[0];
            if (file.Length > AttachmentRules.MaxBytes)
            {
                throw FieldError.Invalid("evidence", M.AttachmentTooLarge.With(("file", AttachmentRules.SafeName(file.FileName))));
            }

            var content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, ct);
            return (input, new UploadedFile(file.FileName, content));
        }
        catch (JsonException)
        {
            throw FieldError.Invalid("body", M.JsonUnreadable);
        }
        catch (InvalidDataException ex)
        {
            throw FieldError.Invalid("evidence", M.FormUnreadable.With(("reason", ex.Message)));
        }
    }
}
