using System.Text.Json;
using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.ServiceRequests;
using KunshanInvest.Application.ServiceRequests.AddServiceRequestAttachment;
using KunshanInvest.Application.ServiceRequests.AssignServiceOfficer;
using KunshanInvest.Application.ServiceRequests.CloseServiceRequest;
using KunshanInvest.Application.ServiceRequests.GetServiceRequest;
using KunshanInvest.Application.ServiceRequests.GetServiceRequestAttachment;
using KunshanInvest.Application.ServiceRequests.GetServiceRequestOptions;
using KunshanInvest.Application.ServiceRequests.ListEnterpriseServiceRequests;
using KunshanInvest.Application.ServiceRequests.ListServiceRequests;
using KunshanInvest.Application.ServiceRequests.ListServiceRequestsDue;
using KunshanInvest.Application.ServiceRequests.LogServiceRequest;
using KunshanInvest.Application.ServiceRequests.ReassignServiceRequest;
using KunshanInvest.Application.ServiceRequests.RecordReturnVisit;
using KunshanInvest.Application.ServiceRequests.ReturnServiceRequest;
using KunshanInvest.Application.ServiceRequests.StartServiceRequest;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// 企业诉求: enterprise service requests, their loop and files (ADR 0031). Staff and department users reach the group;
/// the use cases scope every read and write (another department's request is a 404). Steps carry If-Match.
/// </summary>
internal static class ServiceRequestEndpoints
{
    /// <summary>Five files plus a megabyte of form overhead.</summary>

    /// <summary>A new request: the JSON body, or the multipart field <c>request</c> beside up to five <c>files</c>.</summary>
    internal sealed record LogInput(Guid? EnterpriseId, Guid? CategoryId, Guid? DepartmentId, string? Description, string? ContactName, string? ContactPhone);

    internal sealed record CloseInput(string? Reply);

    internal sealed record ReturnInput(string? Reason);

    internal sealed record ReassignInput(Guid? DepartmentId, string? Note);

    internal sealed record VisitInput(int? Satisfaction, string? Comment);

    internal sealed record ServiceOfficerInput(Guid? UserId);

    public static void MapServiceRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var readers = app.MapGroup("/api/v1/service-requests").WithTags("Service requests")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer, Roles.Department));

        readers.MapGet("/", async (ServiceRequestStatus? status, Guid? categoryId, Guid? departmentId, Guid? enterpriseId, bool? overdue, bool? mine, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListServiceRequests(status, categoryId, departmentId, enterpriseId, overdue ?? false, mine ?? false, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("The request queue: a department user's departments' requests, or every request for staff; filters status, category, department, enterprise, overdue, mine; open first by deadline; paged.");
        readers.MapGet("/options", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetServiceRequestOptions(), ct)))
            .WithSummary("Active categories (with their deadline days) and departments, for the log form and the filters.");
        readers.MapGet("/due", async (int? days, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListServiceRequestsDue(days ?? 7), ct)))
            .WithSummary("The caller's requests due: open ones of the enterprises they serve or logged due within `days` (7) or overdue, and closed ones awaiting their return visit. Staff only.");
        readers.MapPost("/", LogAsync)
            .DisableAntiforgery()
            .Accepts<LogInput>("application/json", "multipart/form-data")
            .WithSummary("Log a landed enterprise's request (staff): JSON, or multipart with the JSON in field `request` and up to five `files` (PDF, Word, Excel, image; 10 MB each). 422 naming an enterprise that has not landed.");
        readers.MapGet("/{id:guid}", async Task<Ok<ServiceRequestDetail>> (Guid id, HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                var detail = await sender.Send(new GetServiceRequest(id), ct);
                Concurrency.SetETag(response, detail.Request.Version);
                return TypedResults.Ok(detail);
            })
            .WithSummary("A request with its steps (who, when, from/to department), files and the caller's allowed actions; ETag for the steps' If-Match.");
        readers.MapPost("/{id:guid}/start", async (Guid id, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
                Done(response, await sender.Send(new StartServiceRequest(id, Concurrency.RequireIfMatch(request)), ct)))
            .WithSummary("办理: the routed department's handler (or a manager) takes the request up (If-Match).");
        readers.MapPost("/{id:guid}/close", async (Guid id, CloseInput body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
                Done(response, await sender.Send(new CloseServiceRequest(id, Concurrency.RequireIfMatch(request), body.Reply), ct)))
            .WithSummary("办结 with the reply to the enterprise (If-Match).");
        readers.MapPost("/{id:guid}/return", async (Guid id, ReturnInput body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
                Done(response, await sender.Send(new ReturnServiceRequest(id, Concurrency.RequireIfMatch(request), body.Reason), ct)))
            .WithSummary("退回 with a reason (If-Match).");
        readers.MapPost("/{id:guid}/reassign", async (Guid id, ReassignInput body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
                Done(response, await sender.Send(new ReassignServiceRequest(id, Concurrency.RequireIfMatch(request), body.DepartmentId ?? Guid.Empty, body.Note), ct)))
            .WithSummary("转办 to another active department, with a note (If-Match).");
        readers.MapPost("/{id:guid}/visit", async (Guid id, VisitInput body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
                Done(response, await sender.Send(new RecordReturnVisit(id, Concurrency.RequireIfMatch(request), body.Satisfaction ?? 0, body.Comment), ct)))
            .WithSummary("回访: satisfaction 1–5 and a comment, by the service officer, the officer who logged it, or a manager (If-Match).");
        readers.MapPost("/{id:guid}/attachments", AttachAsync)
            .DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("Add files (multipart `files`, up to five on the request in all; the portal's safe-upload rules).");
        readers.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async Task<FileStreamHttpResult> (Guid id, Guid attachmentId, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetServiceRequestAttachment(id, attachmentId), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download a request's file (Content-Disposition: attachment).");

        var staff = app.MapGroup("/api/v1/enterprises").WithTags("Service requests")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));
        staff.MapGet("/{id:guid}/service-requests", async Task<Ok<EnterpriseServicePanel>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEnterpriseServiceRequests(id), ct)))
            .WithSummary("An enterprise's service officer, whether it has landed, and its latest requests.");
        staff.MapPut("/{id:guid}/service-officer", async (Guid id, ServiceOfficerInput body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                var done = await sender.Send(new AssignServiceOfficer(id, Concurrency.RequireIfMatch(request), body.UserId), ct);
                Concurrency.SetETag(response, done.Version);
                return TypedResults.Ok(done);
            })
            .WithSummary("挂钩服务专员: a manager or admin names the enterprise's service officer (staff), or clears it with null (If-Match of the enterprise).");
    }

    private static Ok<ServiceRequestChanged> Done(HttpResponse response, ServiceRequestChanged changed)
    {
        Concurrency.SetETag(response, changed.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<Created<ServiceRequestChanged>> LogAsync(HttpContext context, ISender sender, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (input, files) = await ReadAsync(context, json.Value.SerializerOptions, ct);
        var logged = await sender.Send(
            new LogServiceRequest(input.EnterpriseId ?? Guid.Empty, input.CategoryId ?? Guid.Empty, input.DepartmentId ?? Guid.Empty, input.Description ?? "", input.ContactName, input.ContactPhone, files),
            ct);
        Concurrency.SetETag(context.Response, logged.Version);
        return TypedResults.Created($"/api/v1/service-requests/{logged.Id}", logged);
    }

    private static async Task<Created<IReadOnlyList<ServiceAttachmentDto>>> AttachAsync(Guid id, HttpContext context, ISender sender, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new BadHttpRequestException(M.JsonOrMultipart.ToString(), StatusCodes.Status415UnsupportedMediaType);
        }

        var files = await FilesAsync(context, ct);
        var added = await sender.Send(new AddServiceRequestAttachment(id, files), ct);
        return TypedResults.Created($"/api/v1/service-requests/{id}", added);
    }

    /// <summary>The JSON body, or the form's <c>request</c> field and its files (each refused unread when too large).</summary>
    private static async Task<(LogInput Input, IReadOnlyList<UploadedFile> Files)> ReadAsync(HttpContext context, JsonSerializerOptions options, CancellationToken ct)
    {
        var request = context.Request;
        try
        {
            if (!request.HasFormContentType)
            {
                if (!request.HasJsonContentType())
                {
                    throw new BadHttpRequestException(M.JsonOrMultipart.ToString(), StatusCodes.Status415UnsupportedMediaType);
                }

                return (await request.ReadFromJsonAsync<LogInput>(options, ct) ?? throw FieldError.Invalid("body", M.BodyEmpty), []);
            }

            var files = await FilesAsync(context, ct);
            var form = await request.ReadFormAsync(ct);
            var fields = form["request"].ToString();
            var input = string.IsNullOrWhiteSpace(fields)
                ? throw FieldError.Invalid("request", M.BodyEmpty)
                : JsonSerializer.Deserialize<LogInput>(fields, options) ?? throw FieldError.Invalid("request", M.BodyEmpty);
            return (input, files);
        }
        catch (JsonException)
        {
            throw FieldError.Invalid("body", M.JsonUnreadable);
        }
    }

    private static async Task<IReadOnlyList<UploadedFile>> FilesAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = FormFiles.MaxBodyBytes;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(ct);

            var files = await FormFiles.ReadAsync(form.Files, M.ServiceTooManyAttachments, ct);

            return files;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // A truncated or malformed multipart body (no closing boundary …) is the client's error, not ours.
            throw FieldError.Invalid("files", M.FormUnreadable.With(("reason", ex.Message)));
        }
    }
}
