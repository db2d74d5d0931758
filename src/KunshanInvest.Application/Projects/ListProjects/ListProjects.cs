using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
        RuleFor(x => x.Cursor).Must(Cursor.IsValid).WithMessage("无效的分页游标 / Not a cursor this list issued.");
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
        var limits = stalled.Value.ToLimits();
        var filtered = db.Projects.AsNoTracking().Apply(db, query.Filter, user, limits, now);
        var total = await filtered.CountAsync(cancellationToken);

        var cursor = Cursor.Decode(query.Cursor);
        var sortName = query.Sort.ToString();
        var page = query.Sort switch
        {
            ProjectSort.Created => Seek(filtered, p => p.CreatedAtUtc, cursor, sortName, query.Descending, ParseInstant),
            ProjectSort.Code => Seek(filtered, p => p.Code, cursor, sortName, query.Descending, s => s),
            ProjectSort.Name => Seek(filtered, p => p.Name, cursor, sortName, query.Descending, s => s),
            ProjectSort.Stage => Seek(filtered, p => p.Stage, cursor, sortName, query.Descending, s => (ProjectStage)int.Parse(s, CultureInfo.InvariantCulture)),
            _ => Seek(filtered, p => p.LastActivityAtUtc, cursor, sortName, query.Descending, ParseInstant),
        };

        var rows = await Project(page.Take(query.PageSize + 1)).ToListAsync(cancellationToken);
        var hasMore = rows.Count > query.PageSize;
        rows = [.. rows.Take(query.PageSize)];
        var names = await users.DisplayNamesAsync(rows.Select(r => r.OwnerId), cancellationToken);
        var items = rows.Select(r => r with
        {
            OwnerName = names.GetValueOrDefault(r.OwnerId),
            IsStalled = limits.IsStalled(r.Stage, r.StageEnteredAtUtc, now),
        }).ToList();

        var next = hasMore && items.Count > 0 ? new Cursor(sortName, KeyOf(items[^1], query.Sort), items[^1].Code).Encode() : null;
        return new Page<ProjectListItem>(items, next, total);
    }

    private static IQueryable<InvestmentProject> Seek<TKey>(IQueryable<InvestmentProject> query, Expression<Func<InvestmentProject, TKey>> key, Cursor? cursor, string sort, bool descending, Func<string, TKey> parse)
    {
        if (cursor is not null && cursor.Sort == sort && cursor.Key is not null)
        {
            query = query.After(key, p => p.Code, parse(cursor.Key), cursor.Code, descending);
        }

        return query.OrderByKey(key, p => p.Code, descending);
    }

    private static DateTime ParseInstant(string value) =>
        new(long.Parse(value, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static string KeyOf(ProjectListItem item, ProjectSort sort) => sort switch
    {
        ProjectSort.Created => item.CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
        ProjectSort.Code => item.Code,
        ProjectSort.Name => item.Name,
        ProjectSort.Stage => ((int)item.Stage).ToString(CultureInfo.InvariantCulture),
        _ => item.LastActivityAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>One row per project with its enterprise, sector and park names — joined in the same statement.</summary>
    private IQueryable<ProjectListItem> Project(IQueryable<InvestmentProject> projects) =>
        from p in projects
        join e in db.Enterprises on p.EnterpriseId equals e.Id into es
        from e in es.DefaultIfEmpty()
        join s in db.Sectors on p.SectorId equals s.Id into ss
        from s in ss.DefaultIfEmpty()
        join k in db.Parks on p.ParkId equals k.Id into ks
        from k in ks.DefaultIfEmpty()
        select new ProjectListItem(
            p.Id, p.Code, p.Name, p.Stage,
            p.EnterpriseId, e.NameZh, e.NameEn,
            p.SectorId, s.Code, s.NameZh,
            p.ParkId, k.NameZh,
            p.Source, p.OwnerId, null,
            p.EstimatedInvestment == null ? null : new MoneyDto(p.EstimatedInvestment!.MinorUnits, p.EstimatedInvestment!.Currency),
            p.PledgedInvestment == null ? null : new MoneyDto(p.PledgedInvestment!.MinorUnits, p.PledgedInvestment!.Currency),
            p.IsMajor, false, p.StageEnteredAtUtc, p.LastActivityAtUtc, p.NextFollowUpOn, p.CreatedAtUtc);
}
