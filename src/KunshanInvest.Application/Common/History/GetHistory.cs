using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Common.History;

/// <summary>The audit trail of one record, newest first, field by field (old → new).</summary>
[AuthorizeRequest(Roles = Roles.Staff + "," + Roles.Auditor)]
public sealed record GetHistory(string EntityType, Guid EntityId, int Take = 200) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed record HistoryEntry(DateTime AtUtc, string Actor, AuditAction Action, string EntityType, IReadOnlyList<FieldChange> Changes);

public sealed record FieldChange(string Field, string? Old, string? New);

public sealed class GetHistoryHandler(IAppDbContext db) : IQueryHandler<GetHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetHistory query, CancellationToken cancellationToken)
    {
        var id = query.EntityId.ToString();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == query.EntityType && a.EntityId == id)
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(query.Take, 1, 1000))
            .Select(a => new { a.AtUtc, a.ActorName, a.Action, a.EntityType, a.Changes })
            .ToListAsync(cancellationToken);

        return [.. rows.Select(r => new HistoryEntry(r.AtUtc, r.ActorName, r.Action, r.EntityType, AuditChanges.Parse(r.Changes)))];
    }
}

public static class AuditChanges
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<FieldChange> Parse(string changes) =>
        System.Text.Json.JsonSerializer.Deserialize<List<FieldChange>>(changes, Json) ?? [];
}
