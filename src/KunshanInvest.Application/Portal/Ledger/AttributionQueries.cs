using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal;

/// <summary>The SQL form of <see cref="AttributionRules.StateAt"/>, so the state filters run in the database on every provider.</summary>
public static class AttributionQueries
{
    /// <summary>
    /// Attributions still held: not void, not recorded as lapsed, and with stage progress (or the report itself,
    /// while no project exists) within the lapse period.
    /// </summary>
    public static IQueryable<Attribution> Live(IAppDbContext db, int lapseDays, DateTime nowUtc)
    {
        var cutoff = AttributionRules.LapseCutoff(lapseDays, nowUtc);
        return db.Attributions.Where(a => a.VoidedAtUtc == null && a.LapsedAtUtc == null
            && (db.Projects.Where(p => p.Id == a.ProjectId).Select(p => (DateTime?)p.StageEnteredAtUtc).FirstOrDefault() ?? a.ReportedAtUtc) >= cutoff);
    }

    /// <summary>The complement among unrecorded ones: lapsed by now, not yet stamped (what the lapse sweep stamps).</summary>
    public static IQueryable<Attribution> LapsedUnrecorded(IAppDbContext db, int lapseDays, DateTime nowUtc)
    {
        var cutoff = AttributionRules.LapseCutoff(lapseDays, nowUtc);
        return db.Attributions.Where(a => a.VoidedAtUtc == null && a.LapsedAtUtc == null
            && (db.Projects.Where(p => p.Id == a.ProjectId).Select(p => (DateTime?)p.StageEnteredAtUtc).FirstOrDefault() ?? a.ReportedAtUtc) < cutoff);
    }
}
