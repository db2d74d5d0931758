using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Commitments;

/// <summary>
/// A commitment with what its evaluation needs, gathered in SQL by correlated subqueries (one statement for any number
/// of commitments): the verified sum of its figure over its window, its milestone's actual date, the land in 亩 (the
/// 供地 milestone's, else the pledge) and whether it is met — the rule of <see cref="AgreementCommitment.Evaluate(CommitmentMetric, long?, DateOnly, DateOnly, long?, DateOnly?, double?)"/>.
/// </summary>
internal sealed class CommitmentFacts
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string ProjectCode { get; init; } = "";
    public string ProjectName { get; init; } = "";
    public Guid OwnerId { get; init; }
    public Guid? SectorId { get; init; }
    public CommitmentMetric Metric { get; init; }
    public long? Target { get; init; }
    public DateOnly CheckOn { get; init; }
    public string? Clause { get; init; }
    public int Version { get; init; }
    public DateTime? MissedFlaggedAtUtc { get; init; }
    public long Sum { get; init; }
    public DateOnly? ReachedOn { get; init; }
    public double? LandMu { get; init; }
    public bool Met { get; init; }

    public CommitmentState StateOn(DateOnly today) => Met ? CommitmentState.Met : CheckOn < today ? CommitmentState.Missed : CommitmentState.Due;

    /// <summary>The actual value in the target's unit (fen, or fen per 亩); null for date metrics and tax per 亩 without land.</summary>
    public long? Actual(DateOnly today) =>
        AgreementCommitment.Evaluate(Metric, Target, CheckOn, today, Sum, ReachedOn, LandMu).Actual;

    public CommitmentDto ToDto(DateOnly today) =>
        new(Id, ProjectId, Metric, Target, CheckOn, Clause, StateOn(today), Actual(today), ReachedOn, LandMu, Version, MissedFlaggedAtUtc);
}

internal static class CommitmentQuery
{
    public static IQueryable<CommitmentFacts> Facts(IAppDbContext db, IQueryable<AgreementCommitment> commitments) =>
        commitments
            .Join(db.Projects, c => c.ProjectId, p => p.Id, (c, p) => new { c, p })
            .Select(x => new
            {
                x.c,
                x.p.Code,
                x.p.Name,
                x.p.OwnerId,
                x.p.SectorId,
                Sum = db.FigureEntries
                    .Where(f => f.ProjectId == x.c.ProjectId && f.Status == FigureStatus.Verified && f.Kind == x.c.FigureKind
                        && f.Period >= x.c.FromPeriod && f.Period <= x.c.CheckPeriod)
                    .Sum(f => (long?)f.Value) ?? 0,
                ReachedOn = db.Milestones.Where(m => m.ProjectId == x.c.ProjectId && m.Kind == x.c.MilestoneKind).Select(m => m.ActualOn).FirstOrDefault(),
                LandMu = db.Milestones.Where(m => m.ProjectId == x.c.ProjectId && m.Kind == MilestoneKind.LandSupplied).Select(m => m.LandMu).FirstOrDefault() ?? x.p.PledgedLandMu,
            })
            .Select(x => new CommitmentFacts
            {
                Id = x.c.Id,
                ProjectId = x.c.ProjectId,
                ProjectCode = x.Code,
                ProjectName = x.Name,
                OwnerId = x.OwnerId,
                SectorId = x.SectorId,
                Metric = x.c.Metric,
                Target = x.c.Target,
                CheckOn = x.c.CheckOn,
                Clause = x.c.Clause,
                Version = x.c.Version,
                MissedFlaggedAtUtc = x.c.MissedFlaggedAtUtc,
                Sum = x.Sum,
                ReachedOn = x.ReachedOn,
                LandMu = x.LandMu,
                Met = x.c.MilestoneKind != null
                    ? x.ReachedOn != null && x.ReachedOn <= x.c.CheckOn
                    : x.c.Metric == CommitmentMetric.TaxPerMu
                        ? x.LandMu > 0 && (double)x.Sum >= (double?)x.c.Target * x.LandMu
                        : x.Sum >= x.c.Target,
            });

    /// <summary>The ids of the commitments missed on <paramref name="today"/> (check date passed, not met) and not yet flagged.</summary>
    public static IQueryable<Guid> MissedUnflagged(IAppDbContext db, DateOnly today) =>
        Facts(db, db.Commitments.Where(c => c.MissedFlaggedAtUtc == null && c.CheckOn < today))
            .Where(f => !f.Met)
            .Select(f => f.Id);
}
