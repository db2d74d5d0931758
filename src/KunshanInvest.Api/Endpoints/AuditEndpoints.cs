using System.Globalization;
using KunshanInvest.Application.Auditing;
using KunshanInvest.Application.Auditing.ExportAudit;
using KunshanInvest.Application.Auditing.SearchAudit;
using KunshanInvest.Application.Auditing.VerifyAudit;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>The audit trail for Admins and Auditors: search, keyset-paged newest first, and export.</summary>
internal static class AuditEndpoints
{
    /// <summary><c>?user=officer&amp;entityType=Sector&amp;entityId=…&amp;from=2026-01-01T00:00:00Z&amp;to=…&amp;action=Updated</c>.</summary>
    public sealed record AuditQuery(string? User, string? EntityType, string? EntityId, DateTime? From, DateTime? To, AuditAction? Action, string? Cursor, int? PageSize)
    {
        public AuditFilter ToFilter() => new()
        {
            User = User, EntityType = EntityType, EntityId = EntityId, FromUtc = Utc(From), ToUtc = Utc(To), Action = Action,
        };

        // A time without an offset is read as UTC, as the parameters' names say.
        private static DateTime? Utc(DateTime? value) => value is { } v
            ? v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()
            : null;
    }

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Auditor));

        audit.MapGet("/", SearchAsync).WithSummary("Search the audit trail, newest first, keyset-paged; X-Total-Count carries the total.");
        audit.MapGet("/export.xlsx", ([AsParameters] AuditQuery query, ISender sender, CancellationToken ct) => ExportAsync(query, ExportFormat.Xlsx, sender, ct))
            .WithSummary("Every entry of the search as one sheet 审计记录 (cursor and pageSize are ignored).");
        audit.MapGet("/export.csv", ([AsParameters] AuditQuery query, ISender sender, CancellationToken ct) => ExportAsync(query, ExportFormat.Csv, sender, ct))
            .WithSummary("The same rows as export.xlsx, as UTF-8 CSV with a byte order mark.");

        var integrity = app.MapGroup("/api/v1/admin/audit").WithTags("Audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Auditor));
        integrity.MapGet("/verify", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new VerifyAudit(), ct)))
            .WithSummary("Walks the audit hash chain and reports rows checked and the first broken link (break is null when intact). The run is itself audited.");
    }

    private static async Task<Ok<Page<AuditRow>>> SearchAsync([AsParameters] AuditQuery query, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var page = await sender.Send(new SearchAudit(query.ToFilter(), query.Cursor, query.PageSize ?? 50), ct);
        response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(page);
    }

    private static async Task<FileStreamHttpResult> ExportAsync(AuditQuery query, ExportFormat format, ISender sender, CancellationToken ct)
    {
        // Built in a temporary file first, as the project export is: MiniExcel writes synchronously (docs/adr/0005).
        var path = Path.Combine(Path.GetTempPath(), $"ki-audit-{Guid.NewGuid():N}.tmp");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var file = await sender.Send(new ExportAudit(query.ToFilter(), format, temp), ct);
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
