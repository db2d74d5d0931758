using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Projects.ListProjects;

/// <summary>The project list: filtered, sorted and keyset-paged in SQL, with the total.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListProjects(ProjectFilter Filter, ProjectSort Sort = ProjectSort.LastActivity, bool Descending = true, string? Cursor = null, int PageSize = 50)
    : IQuery<Page<ProjectListItem>>;

public sealed class ListProjectsValidator : AbstractValidator<ListProjects>
{
    public ListProjectsValidator()
    {
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.PageSize).InclusiveBetween(1, Cursor.MaxPageSize);
        RuleFor(x => x.Cursor).Must(ProjectListQuery.IsValidCursor).WithMsg(M.BadCursor);
        RuleFor(x => x.Filter.Text).MaximumLength(ProjectFilter.TextMaxLength).OverridePropertyName("text");
        RuleForEach(x => x.Filter.Stages).IsInEnum().OverridePropertyName("stage");
        RuleFor(x => x.Filter.Source).IsInEnum().When(x => x.Filter.Source is not null).OverridePropertyName("source");
    }
}

public sealed class ListProjectsHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, IOptions<StalledOptions> stalled, TimeProvider clock)
    : IQueryHandler<ListProjects, Page<ProjectListItem>>
{
    public async ValueTask<Page<ProjectListItem>> Handle(ListProjects query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = await StalledRule.ForAsync(db, query.Filter, stalled.Value, cancellationToken);
        var filtered = db.Projects.AsNoTracking().Apply(db, query.Filter, user, rule, now);
        var total = await filtered.CountAsync(cancellationToken);

        var page = ProjectListQuery.Seek(filtered, query.Sort, query.Descending, Cursor.Decode(query.Cursor));
        var rows = await ProjectListQuery.Project(db, page.Take(query.PageSize + 1)).ToListAsync(cancellationToken);
        var hasMore = rows.Count > query.PageSize;
        rows = [.. rows.Take(query.PageSize)];
        var names = await users.DisplayNamesAsync(rows.Select(r => r.Item.OwnerId), cancellationToken);
        var items = rows.Select(r => r.Item with
        {
            OwnerName = names.GetValueOrDefault(r.Item.OwnerId),
            IsStalled = r.IsStalled(rule.Defaults, now),
        }).ToList();

        var next = hasMore && items.Count > 0 ? ProjectListQuery.After(items[^1], query.Sort).Encode() : null;
        return new Page<ProjectListItem>(items, next, total);
    }
}
