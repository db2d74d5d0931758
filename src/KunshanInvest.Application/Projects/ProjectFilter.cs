using System.Linq.Expressions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Projects;

public enum ProjectSort
{
    LastActivity = 0,
    Created = 1,
    Code = 2,
    Name = 3,
    Stage = 4,
}

/// <summary>The project list's filters, shared by the list, its export and reports.</summary>
public sealed record ProjectFilter
{
    public IReadOnlyList<Guid>? SectorIds { get; init; }
    public IReadOnlyList<ProjectStage>? Stages { get; init; }
    public Guid? OwnerId { get; init; }

    /// <summary>Only the caller's own projects.</summary>
    public bool Mine { get; init; }
    public Guid? ParkId { get; init; }
    public SourceChannel? Source { get; init; }
    public bool? Major { get; init; }

    /// <summary>Only 六未 projects: in a stage longer than its limit.</summary>
    public bool? Stalled { get; init; }

    /// <summary>Only projects the 六未 escalation reached (level 1 or more in their current stay).</summary>
    public bool? Escalated { get; init; }

    /// <summary>Matches code, project name and the enterprise's names.</summary>
    public string? Text { get; init; }

    public const int TextMaxLength = 100;
}

/// <summary>Builds the filtered query in SQL; every filter translates on all three providers.</summary>
public static class ProjectQueries
{
    public static IQueryable<InvestmentProject> Apply(this IQueryable<InvestmentProject> projects, Common.IAppDbContext db, ProjectFilter filter, ICurrentUser user, StalledRule stalledRule, DateTime nowUtc)
    {
        if (filter.SectorIds is { Count: > 0 } sectors)
        {
            projects = projects.Where(p => p.SectorId != null && sectors.Contains(p.SectorId.Value));
        }

        if (filter.Stages is { Count: > 0 } stages)
        {
            projects = projects.Where(p => stages.Contains(p.Stage));
        }

        if (filter.Mine)
        {
            var me = user.RequireId();
            projects = projects.Where(p => p.OwnerId == me);
        }

        if (filter.OwnerId is { } owner)
        {
            projects = projects.Where(p => p.OwnerId == owner);
        }

        if (filter.ParkId is { } park)
        {
            projects = projects.Where(p => p.ParkId == park);
        }

        if (filter.Source is { } source)
        {
            projects = projects.Where(p => p.Source == source);
        }

        if (filter.Major is { } major)
        {
            projects = projects.Where(p => p.IsMajor == major);
        }

        if (filter.Stalled is { } stalled)
        {
            var predicate = stalledRule.Predicate(nowUtc);
            projects = stalled ? projects.Where(predicate) : projects.Where(Not(predicate));
        }

        if (filter.Escalated is { } escalated)
        {
            projects = escalated
                ? projects.Where(p => p.EscalatedStageEnteredAtUtc == p.StageEnteredAtUtc && p.EscalationLevel >= 1)
                : projects.Where(p => p.EscalatedStageEnteredAtUtc != p.StageEnteredAtUtc || p.EscalatedStageEnteredAtUtc == null || p.EscalationLevel < 1);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var key = Domain.Enterprises.EnterpriseName.Key(text);
            var upper = text.ToUpperInvariant();
            projects = projects.Where(p =>
                p.Code.Contains(upper)
                || p.Name.Contains(text)
                || db.Enterprises.Any(e => e.Id == p.EnterpriseId
                    && ((e.NameZh != null && e.NameZh.Contains(text)) || (key != "" && (e.NameZhKey!.Contains(key) || e.NameEnKey!.Contains(key))))));
        }

        return projects;
    }

    /// <summary>The 六未 predicate with the same limits for every sector.</summary>
    public static Expression<Func<InvestmentProject, bool>> StalledPredicate(StalledLimits limits, DateTime nowUtc) =>
        new StalledRule(limits).Predicate(nowUtc);

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
