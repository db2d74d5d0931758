using System.Text.Json;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Milestones.GetMilestoneEvidence;
using KunshanInvest.Application.Milestones.ListMilestones;
using KunshanInvest.Application.Milestones.RecordMilestone;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>A project's milestones (注册 … 达产) with dates and evidence; the stage gates from 供地 on read them.</summary>
internal static class MilestoneEndpoints
{
    /// <summary>One evidence file of 10 MB and the form around it.</summary>
    private const long MaxRequestBytes = AttachmentRules.MaxBytes + (256 * 1024);

    /// <summary>
    /// A milestone's fields: the JSON body, or the multipart field <c>milestone</c> beside the evidence <c>file</c>. 供地
    /// reached names its carrier (<c>landParcelId</c> or <c>premisesId</c>), or a manager's <c>noCarrierReason</c>.
    /// </summary>
    internal sealed record MilestoneBody(
        DateOnly? PlannedOn,
        DateOnly? ActualOn,
        string? CreditCode,
        double? LandMu,
        string? CarrierReference,
        int? StatisticsPeriod,
        string? OverrideReason,
        string? Note,
        Guid? LandParcelId = null,
        Guid? PremisesId = null,
        string? NoCarrierReason = null);

    public static void MapMilestoneEndpoints(this IEndpointRouteBuilder app)
    {
        var milestones = app.MapGroup("/api/v1/projects/{id:guid}/milestones").WithTags("Milestones")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        milestones.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMilestones(id), ct)))
            .WithSummary("The project's six milestones in order (注册, 供地, 开工, 投产, 入库, 达产), recorded or not.");

        // A bearer client or the UI's SameSite=Lax cookie: a cross-site form cannot post here with the cookie, so the
        // upload needs no antiforgery token, like the JSON endpoints.
        milestones.MapPut("/{kind}", RecordAsync)
            .DisableAntiforgery()
            .Accepts<MilestoneBody>("application/json", "multipart/form-data")
            .WithSummary("Record one milestone (owner or manager): JSON, or multipart with the JSON in field `milestone` and the evidence in `file` (PDF, Word, Excel, image; 10 MB). 422 when out of order or in the future; 达产's overrideReason is a manager's.");
        milestones.MapGet("/{kind}/evidence", EvidenceAsync)
            .WithSummary("Download a milestone's evidence (Content-Disposition: attachment).");
    }

    private static async Task<Ok<MilestoneDto>> RecordAsync(Guid id, MilestoneKind kind, HttpContext context, ISender sender, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxRequestBytes;
        }

        var (body, file) = await ReadAsync(context.Request, ct);
        var recorded = await sender.Send(new RecordMilestone(
            id, kind, body.PlannedOn, body.ActualOn, body.CreditCode, body.LandMu, body.CarrierReference, body.StatisticsPeriod,
            body.OverrideReason, body.Note, file, body.LandParcelId, body.PremisesId, body.NoCarrierReason), ct);
        return TypedResults.Ok(recorded);
    }

    private static async Task<FileStreamHttpResult> EvidenceAsync(Guid id, MilestoneKind kind, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new GetMilestoneEvidence(id, kind), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<(MilestoneBody Body, UploadedFile? File)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (!request.HasFormContentType)
            {
                // ReadFromJsonAsync throws InvalidOperationException (a 500) for any other content type, or none.
                if (!request.HasJsonContentType())
                {
                    throw new BadHttpRequestException(M.JsonOrMultipart.ToString(), StatusCodes.Status415UnsupportedMediaType);
                }

                var json = await request.ReadFromJsonAsync<MilestoneBody>(ct) ?? throw FieldError.Invalid("body", M.BodyEmpty);
                return (json, null);
            }

            var form = await request.ReadFormAsync(ct);
            var fields = form["milestone"].ToString();
            var body = string.IsNullOrWhiteSpace(fields)
                ? throw FieldError.Invalid("milestone", M.MilestoneEvidenceField)
                : JsonSerializer.Deserialize<MilestoneBody>(fields, JsonSerializerOptions.Web)
                    ?? throw FieldError.Invalid("milestone", M.MilestoneEvidenceField);
            if (form.Files.Count > 1)
            {
                throw FieldError.Invalid("file", M.TooManyAttachments.With(("max", 1)));
            }

            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } upload)
            {
                return (body, null);
            }

            // Checked before reading: a larger upload is refused without being held in memory.
            if (upload.Length > AttachmentRules.MaxBytes)
            {
                throw FieldError.Invalid("file", M.AttachmentTooLarge.With(("file", AttachmentRules.SafeName(upload.FileName))));
            }

            var content = new byte[upload.Length];
            await using var stream = upload.OpenReadStream();
            await stream.ReadExactlyAsync(content, ct);
            return (body, new UploadedFile(upload.FileName, content));
        }
        catch (JsonException)
        {
            throw FieldError.Invalid("body", M.JsonUnreadable);
        }
        catch (InvalidDataException ex)
        {
            throw FieldError.Invalid("file", M.FormUnreadable.With(("reason", ex.Message)));
        }
    }
}
