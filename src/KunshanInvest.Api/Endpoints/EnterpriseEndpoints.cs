using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.History;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Contacts;
using KunshanInvest.Application.Contacts.AddContact;
using KunshanInvest.Application.Contacts.GetContact;
using KunshanInvest.Application.Contacts.RemoveContact;
using KunshanInvest.Application.Contacts.UpdateContact;
using KunshanInvest.Application.Enterprises.CheckEnterpriseDuplicates;
using KunshanInvest.Application.Enterprises.CreateEnterprise;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Enterprises.GetEnterprise;
using KunshanInvest.Application.Enterprises.GetEnterpriseHistory;
using KunshanInvest.Application.Enterprises.ListEnterprises;
using KunshanInvest.Application.Enterprises.MergeEnterprises;
using KunshanInvest.Application.Enterprises.UpdateEnterprise;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// Enterprises 企业 and their contacts, for bureau staff. Reads carry the record's Version as a weak ETag; edits send
/// it back in If-Match (428 without it, 409 when stale).
/// </summary>
internal static class EnterpriseEndpoints
{
    public static void MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        var enterprises = app.MapGroup("/api/v1/enterprises").WithTags("Enterprises")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        enterprises.MapGet("/", ListAsync)
            .ProducesValidationProblem()
            .WithSummary("Live enterprises by name, keyset-paged; q matches zh/en names (any case) and the start of the credit code. Total also in X-Total-Count.");

        enterprises.MapGet("/duplicates", DuplicatesAsync)
            .ProducesValidationProblem()
            .WithSummary("Existing enterprises with the same credit code or (normalised) name, for the duplicate warning while typing.");

        enterprises.MapPost("/", CreateAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enter an enterprise. 409 with `candidates` when it may exist already; resend with confirmNotDuplicate unless `canConfirm` is false (same credit code).");

        enterprises.MapGet("/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An enterprise with its contacts, projects and history (ETag).");

        enterprises.MapPut("/{id:guid}", UpdateAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Edit an enterprise (If-Match required).");

        enterprises.MapPost("/{id:guid}/merge-into/{survivorId:guid}", MergeAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Merge this duplicate into the survivor: projects, contacts and interactions move over. If-Match (this record) and survivorVersion optional. Answers the survivor.");

        enterprises.MapGet("/{id:guid}/history", HistoryAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The audit trail of the enterprise record, newest first.");

        enterprises.MapPost("/{id:guid}/contacts", AddContactAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add a contact to the enterprise.");

        var contacts = app.MapGroup("/api/v1/contacts").WithTags("Contacts")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapGet("/{id:guid}", GetContactAsync)
            .WithSummary("A contact (ETag).");

        contacts.MapPut("/{id:guid}", UpdateContactAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Edit a contact (If-Match required).");

        contacts.MapDelete("/{id:guid}", RemoveContactAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Remove a contact (If-Match optional; checked when sent).");
    }

    private static async Task<Ok<Page<EnterpriseListItem>>> ListAsync(
        string? q, string? country, Ownership? ownership, string? cursor, int? pageSize, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var page = await sender.Send(new ListEnterprises(q, country, ownership, cursor, pageSize ?? ListEnterprises.DefaultPageSize), ct);
        response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page);
    }

    private static async Task<Ok<IReadOnlyList<DuplicateCandidate>>> DuplicatesAsync(string? nameZh, string? nameEn, string? creditCode, Guid? exceptId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CheckEnterpriseDuplicates(nameZh, nameEn, creditCode, exceptId), ct));

    private static async Task<Created<EnterpriseDetail>> CreateAsync(CreateEnterprise command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await sender.Send(command, ct);
        Concurrency.SetETag(response, enterprise.Version);
        return TypedResults.Created($"/api/v1/enterprises/{enterprise.Id}", enterprise);
    }

    private static async Task<Ok<EnterpriseDetail>> GetAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var enterprise = await sender.Send(new GetEnterprise(id), ct);
        Concurrency.SetETag(response, enterprise.Version);
        return TypedResults.Ok(enterprise);
    }

    private static async Task<Ok<EnterpriseDetail>> UpdateAsync(Guid id, EnterpriseBody body, ISender sender, HttpContext http, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(http.Request);
        var enterprise = await sender.Send(
            new UpdateEnterprise(id, version, body.NameZh, body.NameEn, body.CreditCode, body.Country, body.Ownership, body.Fortune500, body.Listed, body.Website, body.Note, body.ConfirmNotDuplicate, body.StatisticsType),
            ct);
        Concurrency.SetETag(http.Response, enterprise.Version);
        return TypedResults.Ok(enterprise);
    }

    private static async Task<Ok<EnterpriseDetail>> MergeAsync(Guid id, Guid survivorId, int? survivorVersion, ISender sender, HttpContext http, CancellationToken ct)
    {
        int? sourceVersion = http.Request.Headers.IfMatch.Count > 0 ? Concurrency.RequireIfMatch(http.Request) : null;
        var survivor = await sender.Send(new MergeEnterprises(id, survivorId, sourceVersion, survivorVersion), ct);
        return TypedResults.Ok(survivor);
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> HistoryAsync(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEnterpriseHistory(id), ct));

    private static async Task<Created<ContactDto>> AddContactAsync(Guid id, ContactBody body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var contact = await sender.Send(new AddContact(id, body.Name, body.Title, body.Phone, body.Email, body.WeChat), ct);
        Concurrency.SetETag(response, contact.Version);
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", contact);
    }

    private static async Task<Ok<ContactDto>> GetContactAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var contact = await sender.Send(new GetContact(id), ct);
        Concurrency.SetETag(response, contact.Version);
        return TypedResults.Ok(contact);
    }

    private static async Task<Ok<ContactDto>> UpdateContactAsync(Guid id, ContactBody body, ISender sender, HttpContext http, CancellationToken ct)
    {
        var version = Concurrency.RequireIfMatch(http.Request);
        var contact = await sender.Send(new UpdateContact(id, version, body.Name, body.Title, body.Phone, body.Email, body.WeChat), ct);
        Concurrency.SetETag(http.Response, contact.Version);
        return TypedResults.Ok(contact);
    }

    private static async Task<NoContent> RemoveContactAsync(Guid id, ISender sender, HttpRequest request, CancellationToken ct)
    {
        int? version = request.Headers.IfMatch.Count > 0 ? Concurrency.RequireIfMatch(request) : null;
        await sender.Send(new RemoveContact(id, version), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The body of PUT /enterprises/{id}: the fields of <see cref="CreateEnterprise"/>; id and version come from the route and If-Match.</summary>
    internal sealed record EnterpriseBody(
        string? NameZh,
        string? NameEn,
        string? CreditCode,
        string Country,
        Ownership Ownership,
        bool Fortune500 = false,
        bool Listed = false,
        string? Website = null,
        string? Note = null,
        bool ConfirmNotDuplicate = false,
        StatisticsType? StatisticsType = null);

    internal sealed record ContactBody(string Name, string? Title = null, string? Phone = null, string? Email = null, string? WeChat = null);
}
