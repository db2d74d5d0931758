using System.Text.Json;
using KunshanInvest.Api.Security;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Ledger;
using KunshanInvest.Application.Portal.Partners;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Application.Portal.Triage;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// The partner portal (/api/v1/portal, Partner role, scoped to the caller's organisation), public registration, partner
/// approval (/api/v1/admin/partners), the staff triage queue (/api/v1/triage) and the 首报 ledger (/api/v1/ledger).
/// </summary>
internal static class PortalEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Five files of 10 MB and the form around them; Kestrel's default (30 MB) would refuse a full submission.</summary>

    /// <summary>The submission's fields: the JSON body, or the multipart field <c>submission</c> beside the <c>files</c>.</summary>
    internal sealed record SubmissionInput(
        string? EnterpriseNameZh,
        string? EnterpriseNameEn,
        string? Country,
        string? CreditCode,
        string? Summary,
        Guid? SectorId,
        MoneyDto? EstimatedInvestment,
        double? LandMu,
        int? ExpectedJobs,
        string? ContactName,
        string? ContactPhone,
        string? ContactEmail);

    internal sealed record MessageInput(string? Body, bool Internal = false);

    internal sealed record ReasonInput(string? Reason);

    internal sealed record AcceptInput(Guid? EnterpriseId, Guid? SectorId);

    internal sealed record DuplicateInput(Guid? ProjectId);

    internal sealed record LapsesRecorded(int Count);

    /// <summary>The type the administrator confirms (it sets the reward rate); required.</summary>
    internal sealed record ApproveInput(PartnerType? Type);

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/portal/registrations", async Task<Created<PartnerRegistered>> (RegisterPartner command, ISender sender, CancellationToken ct) =>
            {
                var registered = await sender.Send(command, ct);
                return TypedResults.Created("/api/v1/portal/me", registered);
            })
            .WithTags("Portal").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery()
            .WithSummary("Self-registration: an organisation and its first user; the organisation waits for an administrator (Pending).");

        var portal = app.MapGroup("/api/v1/portal").WithTags("Portal").RequireAuthorization(p => p.RequireRole(Roles.Partner));
        portal.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyPartner(), ct)))
            .WithSummary("The caller's organisation, its status and its members.");
        portal.MapPost("/colleagues", async Task<Created<ColleagueAdded>> (AddColleague command, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/portal/me", await sender.Send(command, ct)))
            .WithSummary("The organisation's first user adds a colleague (who changes the initial password at first sign-in).");
        portal.MapGet("/submissions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMySubmissions(), ct)))
            .WithSummary("The organisation's submissions, newest first.");
        portal.MapPost("/submissions", SubmitAsync)
            .DisableAntiforgery()
            .Accepts<SubmissionInput>("application/json", "multipart/form-data")
            .WithSummary("Submit a project: JSON, or multipart with the JSON in field `submission` and up to 5 `files` (PDF, Word, Excel, images; 10 MB each). Honours Idempotency-Key.");
        portal.MapGet("/submissions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMySubmission(id), ct)))
            .WithSummary("One submission with its status timeline, conversation and attachments.");
        portal.MapPost("/submissions/{id:guid}/messages", async Task<Created<MessageDto>> (Guid id, MessageInput input, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/portal/submissions/{id}", await sender.Send(new PostPartnerMessage(id, input.Body), ct)))
            .WithSummary("Write to the bureau about a submission.");
        portal.MapGet("/submissions/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithSummary("Download an attachment (Content-Disposition: attachment).");
        portal.MapGet("/ledger", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyLedger(), ct)))
            .WithSummary("The organisation's own 首报 entries and rewards.");

        var admin = app.MapGroup("/api/v1/admin/partners").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/", async (PartnerStatus? status, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPartners(status), ct)))
            .WithSummary("Partner organisations, pending first.");
        admin.MapPost("/{id:guid}/approve", async (Guid id, ApproveInput input, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ApprovePartner(id, input.Type), ct)))
            .WithSummary("Approve a pending organisation, or reinstate a suspended one, confirming its type {\"type\":\"Intermediary\"} (it sets the reward rate).");
        admin.MapPost("/{id:guid}/suspend", async (Guid id, ReasonInput? input, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new SuspendPartner(id, input?.Reason), ct)))
            .WithSummary("Suspend an organisation: its members cannot sign in and lose their roles on the next request.");
        app.MapPost("/api/v1/admin/attribution-lapses", async (ISender sender, CancellationToken ct) => TypedResults.Ok(new LapsesRecorded(await sender.Send(new RecordAttributionLapses(), ct))))
            .WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Record every lapsed 首报 attribution now (one statement; the jobs will schedule it).");

        var triage = app.MapGroup("/api/v1/triage/submissions").WithTags("Triage").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));
        triage.MapGet("/", async (bool? all, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListTriageQueue(all ?? false), ct)))
            .WithSummary("Open submissions, oldest first, with the duplicate check done (all=true includes decided ones).");
        triage.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetTriageSubmission(id), ct)))
            .WithSummary("One submission with internal notes.");
        triage.MapPost("/{id:guid}/review", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartReview(id), ct)));
        triage.MapPost("/{id:guid}/accept", async (Guid id, AcceptInput? input, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptSubmission(id, input?.EnterpriseId, input?.SectorId), ct)))
            .WithSummary("Accept: creates a Lead (source = partner portal) owned by the caller.");
        triage.MapPost("/{id:guid}/duplicate", async (Guid id, DuplicateInput? input, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkSubmissionDuplicate(id, input?.ProjectId), ct)))
            .WithSummary("Duplicate: links the submission to the existing project.");
        triage.MapPost("/{id:guid}/reject", async (Guid id, ReasonInput input, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectSubmission(id, input.Reason), ct)))
            .WithSummary("Reject, with the reason the partner will read.");
        triage.MapPost("/{id:guid}/messages", async Task<Created<MessageDto>> (Guid id, MessageInput input, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/triage/submissions/{id}", await sender.Send(new AddStaffMessage(id, input.Body, input.Internal), ct)))
            .WithSummary("A message to the partner, or an internal note (internal=true) the partner never sees.");
        triage.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithSummary("Download an attachment (Content-Disposition: attachment).");

        app.MapGet("/api/v1/ledger", async (Guid? partnerId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLedger(partnerId), ct)))
            .WithTags("Portal").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager))
            .WithSummary("The 首报 ledger: every partner's attributions, state and reward.");
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid attachmentId, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new GetAttachment(id, attachmentId), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, ISender sender, IAppDbContext db, ICurrentUser user, PortalRateLimiter limiter, CancellationToken ct)
    {
        if (await PartnerAccess.FindAsync(db, user.RequireId(), ct) is { } membership)
        {
            using var lease = limiter.Acquire(membership.PartnerId);
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: M.TooManySubmissions.ToString(),
                    detail: M.RetryAfter.With(("seconds", retryAfter)).ToString());
            }
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = FormFiles.MaxBodyBytes;
        }

        var (input, files) = await ReadAsync(context.Request, ct);
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        var result = await sender.Send(new SubmitProject(
            input.EnterpriseNameZh, input.EnterpriseNameEn, input.Country, input.CreditCode, input.Summary, input.SectorId, input.EstimatedInvestment,
            input.LandMu, input.ExpectedJobs, input.ContactName, input.ContactPhone, input.ContactEmail, files, string.IsNullOrEmpty(key) ? null : key), ct);
        if (result.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        context.Response.Headers.Location = $"/api/v1/portal/submissions/{result.Receipt.Id}";
        return TypedResults.Text(result.Json, "application/json", System.Text.Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static async Task<(SubmissionInput Input, IReadOnlyList<UploadedFile> Files)> ReadAsync(HttpRequest request, CancellationToken ct)
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

                var json = await request.ReadFromJsonAsync<SubmissionInput>(ct) ?? throw FieldError.Invalid("body", M.BodyEmpty);
                return (json, []);
            }

            var form = await request.ReadFormAsync(ct);
            var fields = form["submission"].ToString();
            var input = string.IsNullOrWhiteSpace(fields)
                ? throw FieldError.Invalid("submission", M.SubmissionFieldMissing)
                : JsonSerializer.Deserialize<SubmissionInput>(fields, JsonSerializerOptions.Web)
                    ?? throw FieldError.Invalid("submission", M.SubmissionFieldNotObject);

            var files = await FormFiles.ReadAsync(form.Files, M.TooManyAttachments, ct);

            return (input, files);
        }
        catch (JsonException)
        {
            throw FieldError.Invalid("body", M.JsonUnreadable);
        }
        catch (InvalidDataException ex)
        {
            throw FieldError.Invalid("files", M.FormUnreadable.With(("reason", ex.Message)));
        }
    }
}
