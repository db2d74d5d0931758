using FluentValidation;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Reports.GetStalledProjects;

/// <summary>
/// 六未 projects now: how many sit too long in each of the six stages (sector limits over the configured defaults,
/// ADR 0006), and the longest-waiting ones with days overdue, owner and blocking issues (卡点). Four statements: the
/// sectors' limits, the counts per stage, the listed projects and their owners' names.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetStalledProjects(ReportFilter Filter) : IQuery<StalledReport>, IReportRequest;

public sealed record StalledReport(int Total, IReadOnlyList<StalledCount> ByKind, IReadOnlyList<StalledItem> Items);

public sealed record StalledCount(StalledKind Kind, ProjectStage Stage, int Projects);

public sealed record StalledItem(
    Guid ProjectId,
    string Code,
    string Name,
    ProjectStage Stage,
    StalledKind Kind,
    Guid? SectorId,
    string? SectorNameZh,
    string? SectorNameEn,
    Guid OwnerId,
    string? OwnerName,
    DateTime StageEnteredAtUtc,
    int DaysInStage,
    int LimitDays,
    int DaysOverdue,
    string? BlockingIssues);

public sealed class GetStalledProjectsValidator : AbstractValidator<GetStalledProjects>
{
    public GetStalledProjectsValidator() => this.AddReportFilterRules();
}

public sealed class GetStalledProjectsHandler(IAppDbContext db, IUserDirectory users, IOptions<StalledOptions> options, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetStalledProjects, StalledReport>
{
    /// <summary>The list shows the longest-waiting projects; the counts cover all.</summary>
    public const int MaxItems = 200;

    public async ValueTask<StalledReport> Handle(GetStalledProjects query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rule = await StalledRule.LoadAsync(db, options.Value, cancellationToken);
        var stalled = scope.Projects(db).Where(rule.Predicate(scope.NowUtc));

        var counts = await stalled
            .GroupBy(p => p.Stage)
            .Select(g => new { Stage = g.Key, Projects = g.Count() })
            .ToListAsync(cancellationToken);

        var rows = await stalled
            .OrderBy(p => p.StageEnteredAtUtc).ThenBy(p => p.Code)
            .Take(MaxItems)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.Stage, p.SectorId, p.OwnerId, p.StageEnteredAtUtc, p.BlockingIssues,
                SectorNameZh = db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameZh).FirstOrDefault(),
                SectorNameEn = db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameEn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var owners = await users.DisplayNamesAsync(rows.Select(r => r.OwnerId).Distinct(), cancellationToken);
        var items = rows
            .Select(r =>
            {
                var limits = r.SectorId is { } sector && rule.Overrides.TryGetValue(sector, out var own) ? own : rule.Defaults;
                var limit = limits.DaysFor(r.Stage)!.Value;
                var days = (int)Math.Floor((scope.NowUtc - r.StageEnteredAtUtc).TotalDays);
                return new StalledItem(
                    r.Id, r.Code, r.Name, r.Stage, StalledLimits.KindFor(r.Stage)!.Value, r.SectorId, r.SectorNameZh, r.SectorNameEn,
                    r.OwnerId, owners.GetValueOrDefault(r.OwnerId), r.StageEnteredAtUtc, days, limit, days - limit, r.BlockingIssues);
            })
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();

        var byKind = counts
            .Where(c => StalledLimits.KindFor(c.Stage) is not null)
            .Select(c => new StalledCount(StalledLimits.KindFor(c.Stage)!.Value, c.Stage, c.Projects))
            .OrderBy(c => c.Kind)
            .ToList();
        return new StalledReport(byKind.Sum(c => c.Projects), byKind, items);
    }
}
