using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>
/// The realised side of the synthetic projects, from streams of their own (so the projects, stage changes and
/// interactions stay as the seed made them): a 供地 milestone (the pledged 亩, dated when the project reached 供地) and
/// a 投产 milestone (dated when it reached 投产); quarterly 到位资金 (and 实际使用外资 for foreign-owned pledges) over
/// the first two years after signing; once in production, quarterly tax, 主营业务收入 and output over the last two
/// years and a year-end headcount — about 20–40 entries per landed project. Nine in ten entries are verified by
/// another officer, the rest pending or rejected (which count nowhere). Figures are lazily produced: a million never
/// sit in memory at once.
/// </summary>
internal sealed class SyntheticFigures
{
    private readonly SyntheticOptions _options;
    private readonly IReadOnlyList<InvestmentProject> _projects;
    private readonly IReadOnlyList<Guid> _officers;
    private readonly DateTime _end;
    private readonly int _lastPeriod;
    private readonly Action<FigureEntry, Guid> _setFigureId;
    private readonly Action<ProjectMilestone, Guid> _setMilestoneId;

    public SyntheticFigures(DbContext db, SyntheticOptions options, IReadOnlyList<InvestmentProject> projects, IReadOnlyList<Guid> officers)
    {
        _options = options;
        _projects = projects;
        _officers = officers;
        _end = BureauCalendar.ToUtc(options.AsOf, new TimeOnly(18, 0));
        _lastPeriod = FigurePeriod.OfDate(options.AsOf);
        _setFigureId = BulkTable.Setter<FigureEntry, Guid>(db, nameof(Entity.Id));
        _setMilestoneId = BulkTable.Setter<ProjectMilestone, Guid>(db, nameof(Entity.Id));
    }

    /// <summary>An upper bound for progress reports: 42 entries per project past signing.</summary>
    public long EstimatedFigures => _projects.LongCount(p => SignedAt(p) is not null) * 42;

    public List<ProjectMilestone> Milestones()
    {
        var ids = SyntheticRandom.Stream(_options.Seed, "milestone-ids");
        var milestones = new List<ProjectMilestone>();
        foreach (var project in _projects)
        {
            if (Entered(project, ProjectStage.LandSecured) is { } landAt && project.PledgedLandMu is { } mu)
            {
                var land = new ProjectMilestone(project.Id, MilestoneKind.LandSupplied, project.OwnerId, landAt);
                land.Reach(BureauCalendar.DateOf(new DateTimeOffset(landAt)), project.OwnerId, landAt);
                land.Describe(null, mu, $"KS-{landAt:yyyy}-{project.Code[^6..]}", null, null);
                _setMilestoneId(land, ids.NextId(landAt));
                milestones.Add(land);
            }

            if (Entered(project, ProjectStage.Operating) is { } producingAt)
            {
                var production = new ProjectMilestone(project.Id, MilestoneKind.ProductionStarted, project.OwnerId, producingAt);
                production.Reach(BureauCalendar.DateOf(new DateTimeOffset(producingAt)), project.OwnerId, producingAt);
                _setMilestoneId(production, ids.NextId(producingAt));
                milestones.Add(production);
            }
        }

        return milestones;
    }

    public IEnumerable<FigureEntry> Figures()
    {
        var random = SyntheticRandom.Stream(_options.Seed, "figures");
        var ids = SyntheticRandom.Stream(_options.Seed, "figure-ids");
        foreach (var project in _projects)
        {
            if (SignedAt(project) is not { } signedAt || project.Stage is ProjectStage.Lost)
            {
                continue;
            }

            var pick = random.Next(_officers.Count);
            var checker = _officers[pick] == project.OwnerId ? _officers[(pick + 1) % _officers.Count] : _officers[pick];
            var cnyFen = project.PledgedInvestment is { Currency: "CNY" } cny ? cny.MinorUnits : (project.PledgedAnnualOutputFen ?? 0) / 2;
            var quarters = QuarterEnds(Period(signedAt), 8).ToList();
            var share = random.Between(0.3, 1.0);
            foreach (var period in quarters)
            {
                yield return Entry(random, ids, project, checker, FigureKind.FundsInPlace, period, (long)(cnyFen * share / 8), "CNY");
                if (project.PledgedForeignCapitalUsdCents is { } usd and > 0)
                {
                    yield return Entry(random, ids, project, checker, FigureKind.ForeignCapitalUsed, period, (long)(usd * share / 8), "USD");
                }
            }

            if (Entered(project, ProjectStage.Operating) is { } producingAt)
            {
                var output = (project.PledgedAnnualOutputFen ?? 0) * random.Between(0.3, 1.2);
                var tax = (project.PledgedAnnualTaxFen ?? 0) * random.Between(0.3, 1.2);
                var from = Math.Max(Period(producingAt), FigurePeriod.Of(FigurePeriod.Year(_lastPeriod) - 2, FigurePeriod.Month(_lastPeriod)));
                var operating = QuarterEnds(from, 8).ToList();
                foreach (var period in operating)
                {
                    yield return Entry(random, ids, project, checker, FigureKind.TaxPaid, period, (long)(tax / 4), "CNY");
                    yield return Entry(random, ids, project, checker, FigureKind.MainBusinessRevenue, period, (long)(output / 4), "CNY");
                    yield return Entry(random, ids, project, checker, FigureKind.IndustrialOutput, period, (long)(output / 4), "CNY");
                    if (FigurePeriod.Month(period) == 12 || period == operating[^1])
                    {
                        yield return Entry(random, ids, project, checker, FigureKind.Jobs, period, (long)((project.PledgedJobs ?? 10) * random.Between(0.5, 1.1)), null);
                    }
                }
            }
        }
    }

    private FigureEntry Entry(SyntheticRandom random, SyntheticRandom ids, InvestmentProject project, Guid checker, FigureKind kind, int period, long value, string? currency)
    {
        value = Math.Clamp(value, 0, FigureEntry.MaxValue);
        var month = BureauCalendar.ToUtc(new DateOnly(FigurePeriod.Year(period), FigurePeriod.Month(period), 1).AddMonths(1), new TimeOnly(10, 0));
        var entered = month > _end ? _end : month;
        var entry = new FigureEntry(project.Id, kind, period, value, currency, value, null, null, project.OwnerId, entered);
        var roll = random.NextDouble();
        var checkedAt = entered.AddDays(7) > _end ? _end : entered.AddDays(7);
        if (roll < 0.9)
        {
            entry.Verify(checker, checkedAt);
        }
        else if (roll < 0.95)
        {
            entry.Reject(checker, "凭证不全", checkedAt);
        }

        _setFigureId(entry, ids.NextId(entered));
        return entry;
    }

    /// <summary>Up to <paramref name="count"/> quarter-end months from the quarter of <paramref name="from"/>, none after the as-of month.</summary>
    private IEnumerable<int> QuarterEnds(int from, int count)
    {
        var (year, quarter) = (FigurePeriod.Year(from), FigurePeriod.Quarter(from));
        for (var k = 0; k < count; k++)
        {
            var period = FigurePeriod.Of(year, quarter * 3);
            if (period > _lastPeriod)
            {
                // The as-of quarter still under way: its month so far.
                if (FigurePeriod.QuarterRange(year, quarter).First <= _lastPeriod)
                {
                    yield return _lastPeriod;
                }

                yield break;
            }

            yield return period;
            (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1);
        }
    }

    private static int Period(DateTime utc) => FigurePeriod.OfDate(BureauCalendar.DateOf(new DateTimeOffset(utc)));

    private static DateTime? SignedAt(InvestmentProject project) => project.StageChanges
        .Where(c => c.To is >= ProjectStage.Signed and <= ProjectStage.AtCapacity).Select(c => (DateTime?)c.AtUtc).Min();

    private static DateTime? Entered(InvestmentProject project, ProjectStage stage) => project.StageChanges
        .Where(c => c.To == stage).Select(c => (DateTime?)c.AtUtc).Min();
}
