using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Commitments;
using KunshanInvest.Application.Commitments.AddCommitment;
using KunshanInvest.Application.Commitments.ExportCommitmentOverview;
using KunshanInvest.Application.Commitments.GetCommitmentOverview;
using KunshanInvest.Application.Commitments.ListProjectCommitments;
using KunshanInvest.Application.Commitments.RemoveCommitment;
using KunshanInvest.Application.Commitments.UpdateCommitment;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>Agreement commitments (协议承诺): per project for staff, and the managers' overview with its export.</summary>
internal static class CommitmentEndpoints
{
    /// <summary>A commitment's fields: target in CNY fen (fen per 亩 for TaxPerMu), none for the date metrics.</summary>
    public sealed record CommitmentBody(CommitmentMetric Metric, long? Target, DateOnly CheckOn, string? Clause);

    /// <summary>Query string of the overview: <c>?view=Missed&amp;sectorId=…&amp;officerId=…&amp;dueWithinDays=90&amp;page=1&amp;pageSize=50</c>.</summary>
    public sealed record OverviewQuery(CommitmentView? View, Guid? SectorId, Guid? OfficerId, int? DueWithinDays, int? Page, int? PageSize);

    public static void MapCommitmentEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Commitments")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        staff.MapGet("/projects/{id:guid}/commitments", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProjectCommitments(id), ct)))
            .WithSummary("A project's agreement commitments by check date: met, due or missed today, with the actual value from verified figures.");
        staff.MapPost("/projects/{id:guid}/commitments", AddAsync)
            .WithSummary("Record a commitment of the project's investment agreement (the owner or a manager).");
        staff.MapPut("/commitments/{id:guid}", UpdateAsync)
            .WithSummary("Amend a commitment (the project's owner or a manager; If-Match required).");
        staff.MapDelete("/commitments/{id:guid}", RemoveAsync)
            .WithSummary("Remove a commitment entered by mistake (the project's owner or a manager; If-Match required).");

        var managers = app.MapGroup("/api/v1/commitments").WithTags("Commitments")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager));
        managers.MapGet("/", async ([AsParameters] OverviewQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCommitmentOverview(
                    q.View ?? CommitmentView.Attention, q.SectorId, q.OfficerId, q.DueWithinDays ?? GetCommitmentOverview.DefaultDueWithinDays, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("Missed and soon-due commitments across projects, by check date, one page at a time (managers).");
        managers.MapGet("/export.xlsx", ([AsParameters] OverviewQuery q, ISender sender, CancellationToken ct) => ExportAsync(q, ExportFormat.Xlsx, sender, ct))
            .WithSummary("The overview's commitments for the same filters, all pages, as an .xlsx workbook.");
    }

    private static async Task<Created<CommitmentDto>> AddAsync(Guid id, CommitmentBody body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var commitment = await sender.Send(new AddCommitment(id, body.Metric, body.Target, body.CheckOn, body.Clause), ct);
        Concurrency.SetETag(response, commitment.Version);
        return TypedResults.Created($"/api/v1/projects/{id}/commitments", commitment);
    }

    private static async Task<Ok<CommitmentDto>> UpdateAsync(Guid id, CommitmentBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var commitment = await sender.Send(new UpdateCommitment(id, Concurrency.RequireIfMatch(request), body.Metric, body.Target, body.CheckOn, body.Clause), ct);
        Concurrency.SetETag(response, commitment.Version);
        return TypedResults.Ok(commitment);
    }

    private static async Task<NoContent> RemoveAsync(Guid id, ISender sender, HttpRequest request, CancellationToken ct)
    {
        await sender.Send(new RemoveCommitment(id, Concurrency.RequireIfMatch(request)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<FileStreamHttpResult> ExportAsync(OverviewQuery q, ExportFormat format, ISender sender, CancellationToken ct)
    {
        // Built in a temporary file first, as the other exports are: MiniExcel writes synchronously (docs/adr/0005).
        var path = Path.Combine(Path.GetTempPath(), $"ki-commitments-{Guid.NewGuid():N}.tmp");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var file = await sender.Send(new ExportCommitmentOverview(
                q.View ?? CommitmentView.Attention, q.SectorId, q.OfficerId, q.DueWithinDays ?? GetCommitmentOverview.DefaultDueWithinDays, format, temp), ct);
            temp.Position = 0;
            return TypedResults.File(temp, file.ContentType, file.FileName);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }
}
