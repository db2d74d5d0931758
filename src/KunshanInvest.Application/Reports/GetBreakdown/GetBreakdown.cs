using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetBreakdown;

public enum BreakdownDimension
{
    /// <summary>来源渠道.</summary>
    Source = 0,

    /// <summary>投资来源国家/地区: the enterprise's country or region.</summary>
    Country = 1,

    /// <summary>招商专员: the project's owner — workload (live projects, visits) and results (signings).</summary>
    Officer = 2,
}

/// <summary>
/// 分渠道 / 分国别 / 分专员: per source channel, country or officer — live projects now, and the projects signed within
/// the period with their pledged investment (CNY at the report year's rates); per officer also the visits and calls
/// recorded in the period. Three statements (four per officer: the names).
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetBreakdown(ReportFilter Filter, BreakdownDimension Dimension) : IQuery<Breakdown>, IReportRequest;

public sealed record Breakdown(BreakdownDimension Dimension, DateOnly From, DateOnly To, IReadOnlyList<BreakdownRow> Rows, IReadOnlyList<UnconvertedAmount> Unconverted);

/// <summary><see cref="Key"/>: the channel's name, the ISO country code, or the officer's id; <see cref="Label"/> for people.</summary>
public sealed record BreakdownRow(string Key, string Label, int Projects, int LiveProjects, int SignedInPeriod, long SignedPledgedFen, int Interactions);

public sealed class GetBreakdownValidator : AbstractValidator<GetBreakdown>
{
    public GetBreakdownValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.Dimension).IsInEnum().OverridePropertyName("dimension");
    }
}

public sealed class GetBreakdownHandler(IAppDbContext db, IUserDirectory users, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetBreakdown, Breakdown>
{
    public async ValueTask<Breakdown> Handle(GetBreakdown query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = await new ExchangeRateTable(db).ForYearAsync(scope.Year, cancellationToken);
        var start = scope.FromUtc;
        var end = scope.ToUtcExclusive;

        var flat =
            from s in ReportScope.WithSignedAt(scope.Projects(db), db)
            join e in db.Enterprises on s.Project.EnterpriseId equals e.Id into enterprises
            from e in enterprises.DefaultIfEmpty()
            select new Flat
            {
                Source = s.Project.Source,
                Country = e == null ? null : e.Country,
                OwnerId = s.Project.OwnerId,
                Live = s.Project.Stage != ProjectStage.Lost && s.Project.Stage != ProjectStage.AtCapacity,
                SignedInPeriod = s.SignedAt >= start && s.SignedAt < end,
                Currency = s.Project.PledgedInvestment!.Currency,
                Minor = s.Project.PledgedInvestment!.MinorUnits,
            };

        // The computed flags lead the GROUP BY on purpose: led by the owner, SQLite walked IX_Projects_OwnerId_Stage for
        // the order and fetched all projects in owner order (0.62 s at 100k projects, against 0.23 s for a table scan
        // and a sort; docs/performance.md, ADR 0013).
        var groups = query.Dimension switch
        {
            BreakdownDimension.Source => await flat
                .GroupBy(r => new { r.Live, r.SignedInPeriod, r.Currency, r.Source })
                .Select(g => new Group(((int)g.Key.Source).ToString(), g.Key.Live, g.Key.SignedInPeriod, g.Key.Currency, g.Count(), g.Sum(r => r.Minor ?? 0)))
                .ToListAsync(cancellationToken),
            BreakdownDimension.Country => await flat
                .GroupBy(r => new { r.Live, r.SignedInPeriod, r.Currency, r.Country })
                .Select(g => new Group(g.Key.Country, g.Key.Live, g.Key.SignedInPeriod, g.Key.Currency, g.Count(), g.Sum(r => r.Minor ?? 0)))
                .ToListAsync(cancellationToken),
            _ => await flat
                .GroupBy(r => new { r.Live, r.SignedInPeriod, r.Currency, r.OwnerId })
                .Select(g => new Group(g.Key.OwnerId.ToString(), g.Key.Live, g.Key.SignedInPeriod, g.Key.Currency, g.Count(), g.Sum(r => r.Minor ?? 0)))
                .ToListAsync(cancellationToken),
        };

        var interactions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (query.Dimension == BreakdownDimension.Officer)
        {
            var visits = db.Interactions.AsNoTracking().Where(i => i.OccurredAtUtc >= start && i.OccurredAtUtc < end);
            if (scope.OfficerId is { } officer)
            {
                visits = visits.Where(i => i.ByUserId == officer);
            }

            if (scope.SectorId is not null || scope.ParkId is not null)
            {
                var inScope = scope.Projects(db).Select(p => p.Id);
                visits = visits.Where(i => i.ProjectId != null && inScope.Contains(i.ProjectId.Value));
            }

            interactions = await visits
                .GroupBy(i => i.ByUserId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);
        }

        var totals = new CnyTotals(rates);
        var keys = groups.Select(g => g.Key ?? "").Union(interactions.Keys, StringComparer.OrdinalIgnoreCase).ToList();
        var names = query.Dimension == BreakdownDimension.Officer
            ? await users.DisplayNamesAsync(keys.Select(Guid.Parse), cancellationToken)
            : new Dictionary<Guid, string>();

        var rows = keys
            .Select(key =>
            {
                var mine = groups.Where(g => string.Equals(g.Key ?? "", key, StringComparison.OrdinalIgnoreCase)).ToList();
                var signed = mine.Where(g => g.SignedInPeriod).ToList();
                return new BreakdownRow(
                    KeyOf(query.Dimension, key),
                    LabelOf(query.Dimension, key, names),
                    mine.Sum(g => g.Projects),
                    mine.Where(g => g.Live).Sum(g => g.Projects),
                    signed.Sum(g => g.Projects),
                    signed.Sum(g => totals.Convert(g.Currency, g.Minor, g.Projects)),
                    interactions.GetValueOrDefault(key));
            })
            .OrderByDescending(r => r.SignedPledgedFen).ThenByDescending(r => r.Projects).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

        return new Breakdown(query.Dimension, scope.From, scope.To, rows, totals.Unconverted);
    }

    private static string KeyOf(BreakdownDimension dimension, string key) => dimension switch
    {
        BreakdownDimension.Source => ((SourceChannel)int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)).ToString(),
        _ => key,
    };

    private static string LabelOf(BreakdownDimension dimension, string key, IReadOnlyDictionary<Guid, string> names) => dimension switch
    {
        BreakdownDimension.Source => ((SourceChannel)int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)).ZhName(),
        BreakdownDimension.Country => key == "" ? "—" : key,
        _ => Guid.TryParse(key, out var id) && names.TryGetValue(id, out var name) ? name : key,
    };

    private sealed class Flat
    {
        public SourceChannel Source { get; init; }
        public string? Country { get; init; }
        public Guid OwnerId { get; init; }
        public bool Live { get; init; }
        public bool SignedInPeriod { get; init; }
        public string? Currency { get; init; }
        public long? Minor { get; init; }
    }

    private sealed record Group(string? Key, bool Live, bool SignedInPeriod, string? Currency, int Projects, long Minor);
}
