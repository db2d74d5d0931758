using System.Linq.Expressions;
using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects;

/// <summary>
/// The 六未 rule in force: the configured limits, overridden per sector where an admin set the sector's own.
/// Loaded in one statement (there are a handful of sectors); the SQL predicate compares each project with
/// cutoffs computed here, so no provider-specific date arithmetic reaches the database.
/// </summary>
public sealed class StalledRule
{
    private readonly Dictionary<Guid, StalledLimits> _bySector;

    public StalledRule(StalledLimits defaults, IReadOnlyDictionary<Guid, StalledLimits>? bySector = null)
    {
        Defaults = defaults;
        _bySector = bySector is null ? [] : new Dictionary<Guid, StalledLimits>(bySector);
    }

    public StalledLimits Defaults { get; }

    /// <summary>The sectors with limits of their own.</summary>
    public IReadOnlyDictionary<Guid, StalledLimits> Overrides => _bySector;

    /// <summary>
    /// The rule for a filter: the sectors' own limits are read (one statement) only when the filter asks for
    /// stalled or not-stalled projects; list rows carry their sector's limits anyway.
    /// </summary>
    public static Task<StalledRule> ForAsync(IAppDbContext db, ProjectFilter filter, StalledOptions options, CancellationToken cancellationToken) =>
        filter.Stalled is null ? Task.FromResult(new StalledRule(options.ToLimits())) : LoadAsync(db, options, cancellationToken);

    public static async Task<StalledRule> LoadAsync(IAppDbContext db, StalledOptions options, CancellationToken cancellationToken)
    {
        var defaults = options.ToLimits();
        var overrides = await db.Sectors.AsNoTracking()
            .Where(s => s.SignedDays != null || s.RegisteredDays != null || s.LandSecuredDays != null
                || s.UnderConstructionDays != null || s.OperatingDays != null || s.AboveScaleDays != null)
            .Select(s => new { s.Id, Limits = new SectorLimits(s.SignedDays, s.RegisteredDays, s.LandSecuredDays, s.UnderConstructionDays, s.OperatingDays, s.AboveScaleDays, null) })
            .ToListAsync(cancellationToken);
        return new StalledRule(defaults, overrides.ToDictionary(o => o.Id, o => o.Limits.Over(defaults)));
    }

    /// <summary>
    /// (SectorId = x AND (Stage = s AND StageEnteredAtUtc &lt; cutoff(x, s) OR …)) for each sector with limits of its
    /// own, OR (SectorId is none of them AND the default clauses).
    /// </summary>
    public Expression<Func<InvestmentProject, bool>> Predicate(DateTime nowUtc)
    {
        var p = Expression.Parameter(typeof(InvestmentProject), "p");
        var sectorId = Expression.Property(p, nameof(InvestmentProject.SectorId));
        Expression body = Expression.Constant(false);
        Expression notOverridden = Expression.Equal(sectorId, Expression.Constant(null, typeof(Guid?)));
        Expression others = Expression.Constant(true);

        foreach (var (id, limits) in _bySector)
        {
            var idValue = Expression.Constant((Guid?)id, typeof(Guid?));
            body = Or(body, Expression.AndAlso(Expression.Equal(sectorId, idValue), StageClauses(p, limits, nowUtc)));
            others = Expression.AndAlso(others, Expression.NotEqual(sectorId, idValue));
        }

        var defaults = StageClauses(p, Defaults, nowUtc);
        body = Or(body, _bySector.Count == 0 ? defaults : Expression.AndAlso(Expression.OrElse(notOverridden, others), defaults));
        return Expression.Lambda<Func<InvestmentProject, bool>>(body, p);
    }

    /// <summary>One OR per 六未 stage: (Stage = s AND StageEnteredAtUtc &lt; now − limit(s)).</summary>
    internal static Expression StageClauses(ParameterExpression p, StalledLimits limits, DateTime nowUtc)
    {
        Expression body = Expression.Constant(false);
        foreach (var stage in ProjectStages.Pipeline)
        {
            if (limits.DaysFor(stage) is not { } days)
            {
                continue;
            }

            var cutoff = nowUtc.AddDays(-days);
            var clause = Expression.AndAlso(
                Expression.Equal(Expression.Property(p, nameof(InvestmentProject.Stage)), Expression.Constant(stage)),
                Expression.LessThan(Expression.Property(p, nameof(InvestmentProject.StageEnteredAtUtc)), Common.Paging.Parameter.Of(cutoff)));
            body = Or(body, clause);
        }

        return body;
    }

    private static Expression Or(Expression left, Expression right) =>
        left is ConstantExpression { Value: false } ? right : Expression.OrElse(left, right);
}
