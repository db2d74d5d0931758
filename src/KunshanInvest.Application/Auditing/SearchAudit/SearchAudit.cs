using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.History;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Auditing.SearchAudit;

/// <summary>
/// 审计查询: the audit trail filtered by user, entity, period and action, newest first, keyset-paged by Id.
/// Admins and the separate Auditor role only (等保 separation of duties). Two statements per page: count and rows.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Auditor)]
public sealed record SearchAudit(AuditFilter Filter, string? Cursor = null, int PageSize = 50) : IQuery<Page<AuditRow>>, IAuditSearch;

public sealed class SearchAuditValidator : AbstractValidator<SearchAudit>
{
    public SearchAuditValidator()
    {
        RuleFor(x => x.PageSize).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("pageSize");
        RuleFor(x => x.Cursor).Must(c => string.IsNullOrEmpty(c) || AuditQueries.DecodeCursor(c) is not null)
            .WithMsg(M.BadCursor).OverridePropertyName("cursor");
        this.AddFilterRules();
    }
}

public sealed class SearchAuditHandler(IAppDbContext db) : IQueryHandler<SearchAudit, Page<AuditRow>>
{
    public async ValueTask<Page<AuditRow>> Handle(SearchAudit query, CancellationToken cancellationToken)
    {
        var filtered = db.AuditEntries.AsNoTracking().Apply(query.Filter);
        var total = await filtered.CountAsync(cancellationToken);

        if (AuditQueries.DecodeCursor(query.Cursor) is { } before)
        {
            filtered = filtered.Where(a => a.Id < before);
        }

        var rows = await filtered.OrderByDescending(a => a.Id).Take(query.PageSize + 1)
            .Select(a => new { a.Id, a.AtUtc, a.ActorId, a.ActorName, a.EntityType, a.EntityId, a.Action, a.Changes })
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > query.PageSize;
        var items = rows.Take(query.PageSize)
            .Select(r => new AuditRow(r.Id, r.AtUtc, r.ActorId, r.ActorName, r.EntityType, r.EntityId, r.Action, AuditChanges.Parse(r.Changes)))
            .ToList();
        return new Page<AuditRow>(items, hasMore ? AuditQueries.EncodeCursor(items[^1].Id) : null, total);
    }
}
