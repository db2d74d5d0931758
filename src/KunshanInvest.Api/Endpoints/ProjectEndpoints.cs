using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Common.History;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.CreateLead;
using KunshanInvest.Application.Projects.GetProject;
using KunshanInvest.Application.Projects.ListProjects;
using KunshanInvest.Application.Projects.MoveStage;
using KunshanInvest.Application.Projects.UpdateFigures;
using KunshanInvest.Application.Projects.UpdateProject;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

internal static class ProjectEndpoints
{
    /// <summary>Query string of the project list: <c>?sector=…&amp;stage=Signed&amp;owner=me&amp;stalled=true&amp;escalated=true&amp;q=咖啡&amp;sort=Code&amp;desc=false</c>.</summary>
    public sealed record ListQuery(
        Guid[]? Sector,
        ProjectStage[]? Stage,
        string? Owner,
        Guid? Park,
        SourceChannel? Source,
        bool? Major,
        bool? Stalled,
        string? Q,
        ProjectSort? Sort,
        bool? Desc,
        string? Cursor,
        int? PageSize,
        bool? Escalated = null)
    {
        public ProjectFilter ToFilter()
        {
            var mine = string.Equals(Owner, "me", StringComparison.OrdinalIgnoreCase);
            Guid? owner = null;
            if (!mine && !string.IsNullOrEmpty(Owner))
            {
                owner = Guid.TryParse(Owner, out var id)
                    ? id
                    : throw FieldError.Invalid("owner", M.OwnerFilter);
            }

            return new ProjectFilter
            {
                SectorIds = Sector, Stages = Stage, Mine = mine, OwnerId = owner, ParkId = Park,
                Source = Source, Major = Major, Stalled = Stalled, Text = Q, Escalated = Escalated,
            };
        }
    }

    public sealed record UpdateBody(
        string Name, Guid? EnterpriseId, Guid? SectorId, Guid? ParkId, SourceChannel Source, MoneyDto? EstimatedInvestment,
        bool IsMajor, string? BlockingIssues, Guid? EventId, Guid? ExpansionOfProjectId, Guid OwnerId);

    public sealed record FiguresBody(PledgeDto Pledged, string? ProjectCompanyCreditCode);

    public sealed record StageBody(ProjectStage Target, string? Note);

    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/projects").WithTags("Projects")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        projects.MapGet("/", ListAsync).WithSummary("Filter, sort and keyset-page projects; X-Total-Count carries the total.");
        projects.MapPost("/", CreateLeadAsync).WithSummary("Log a lead: an enterprise picked or typed (duplicate-checked), sector, source, rough investment.");
        projects.MapGet("/{id:guid}", GetAsync).WithSummary("A project with figures, stage history and the next stage's missing evidence; ETag = version.");
        projects.MapPut("/{id:guid}", UpdateAsync).WithSummary("Edit a project (If-Match required).");
        projects.MapPut("/{id:guid}/figures", UpdateFiguresAsync).WithSummary("Pledged figures and the project company's credit code (If-Match required); realised figures are figure entries.");
        projects.MapPost("/{id:guid}/stage", MoveStageAsync).WithSummary("Move to a stage: 422 names missing evidence; back needs a manager and a reason (If-Match required).");
        projects.MapGet("/{id:guid}/history", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetHistory("InvestmentProject", id), ct)))
            .WithSummary("The project's audit trail, field by field.");
    }

    private static async Task<Ok<Page<ProjectListItem>>> ListAsync([AsParameters] ListQuery query, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var page = await sender.Send(new ListProjects(query.ToFilter(), query.Sort ?? ProjectSort.LastActivity, query.Desc ?? true, query.Cursor, query.PageSize ?? 50), ct);
        response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page);
    }

    private static async Task<Created<LeadCreated>> CreateLeadAsync(CreateLead command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var lead = await sender.Send(command, ct);
        Concurrency.SetETag(response, lead.Version);
        return TypedResults.Created($"/api/v1/projects/{lead.Id}", lead);
    }

    private static async Task<Ok<ProjectDetail>> GetAsync(Guid id, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var project = await sender.Send(new GetProject(id), ct);
        Concurrency.SetETag(response, project.Version);
        return TypedResults.Ok(project);
    }

    private static async Task<NoContent> UpdateAsync(Guid id, UpdateBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var version = await sender.Send(new UpdateProject(
            id, Concurrency.RequireIfMatch(request), body.Name, body.EnterpriseId, body.SectorId, body.ParkId, body.Source,
            body.EstimatedInvestment, body.IsMajor, body.BlockingIssues, body.EventId, body.ExpansionOfProjectId, body.OwnerId), ct);
        Concurrency.SetETag(response, version);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UpdateFiguresAsync(Guid id, FiguresBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var version = await sender.Send(new UpdateFigures(id, Concurrency.RequireIfMatch(request), body.Pledged, body.ProjectCompanyCreditCode), ct);
        Concurrency.SetETag(response, version);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StageMoved>> MoveStageAsync(Guid id, StageBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var moved = await sender.Send(new MoveStage(id, body.Target, body.Note, Concurrency.RequireIfMatch(request)), ct);
        Concurrency.SetETag(response, moved.Version);
        return TypedResults.Ok(moved);
    }
}
