using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Portal;

/// <summary>The SQL form of <see cref="AttributionRules.StateAt"/>, so the state filters run in the database on every provider.</summary>
public static class AttributionQueries
{
    /// <summary>
    /// Attributions still held: not void, not recorded as lapsed, and either frozen (the project reached 签约 or a later
    /// stage: recorded, or seen in its stages before the sweep records it) or with stage progress (or the report
    /// itself, while no project exists) within the lapse period.
    /// </summary>
    public static IQueryable<Attribution> Live(IAppDbContext db, int lapseDays, DateTime nowUtc)
    {
        var cutoff = AttributionRules.LapseCutoff(lapseDays, nowUtc);
        return db.Attributions.Where(a => a.VoidedAtUtc == null && a.LapsedAtUtc == null
            && (a.FrozenAtUtc != null
                || db.StageChanges.Any(c => c.ProjectId == a.ProjectId && c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity)
                || (db.Projects.Where(p => p.Id == a.ProjectId).Select(p => (DateTime?)p.StageEnteredAtUtc).FirstOrDefault() ?? a.ReportedAtUtc) >= cutoff));
    }

    /// <summary>The complement among unrecorded, unfrozen ones: lapsed by now, not yet stamped (what the lapse sweep stamps).</summary>
    public static IQueryable<Attribution> LapsedUnrecorded(IAppDbContext db, int lapseDays, DateTime nowUtc)
    {
        var cutoff = AttributionRules.LapseCutoff(lapseDays, nowUtc);
        return db.Attributions.Where(a => a.VoidedAtUtc == null && a.LapsedAtUtc == null && a.FrozenAtUtc == null
            && !db.StageChanges.Any(c => c.ProjectId == a.ProjectId && c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity)
            && (db.Projects.Where(p => p.Id == a.ProjectId).Select(p => (DateTime?)p.StageEnteredAtUtc).FirstOrDefault() ?? a.ReportedAtUtc) < cutoff);
    }

    /// <summary>Held attributions whose project has reached 签约 or later and whose freeze is not yet recorded.</summary>
    public static IQueryable<Attribution> FrozenUnrecorded(IAppDbContext db) =>
        db.Attributions.Where(a => a.VoidedAtUtc == null && a.LapsedAtUtc == null && a.FrozenAtUtc == null
            && db.StageChanges.Any(c => c.ProjectId == a.ProjectId && c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity));

    /// <summary>When the attribution froze: recorded, else the project's first move to 签约 or later (null: not frozen).</summary>
    public static IQueryable<AttributionFreeze> Freezes(IAppDbContext db) =>
        db.Attributions.Select(a => new AttributionFreeze(a.Id, a.FrozenAtUtc
            ?? db.StageChanges.Where(c => c.ProjectId == a.ProjectId && c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity).Min(c => (DateTime?)c.AtUtc)));
}

public sealed record AttributionFreeze(Guid AttributionId, DateTime? FrozenAtUtc);
