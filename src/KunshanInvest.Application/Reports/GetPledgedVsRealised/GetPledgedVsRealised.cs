using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetPledgedVsRealised;

public enum PledgeGrouping
{
    Sector = 0,
    Park = 1,
    Officer = 2,

    /// <summary>Per project: the first <see cref="GetPledgedVsRealisedHandler.MaxItems"/> signed projects by code.</summary>
    Project = 3,
}

/// <summary>
/// 协议与落地: what the signed projects (now at 签约 or beyond, not lost) pledged at signing against what they realised,
/// per sector, park, officer or project, year by year from the period's first year to its last: at the end of each
/// year, the pledges of the projects signed by then (investment converted to CNY at the report year's rates, foreign
/// capital, annual tax and output) beside the cumulative VERIFIED 到位资金, 实际使用外资, tax and output up to then (up
/// to the period's last month). Four statements whatever the data: rates, signings grouped by (group, Kunshan signing
/// year, currency), verified figures grouped by (group, year, kind), and the groups' names.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetPledgedVsRealised(ReportFilter Filter, PledgeGrouping By = PledgeGrouping.Sector) : IQuery<PledgedVsRealised>, IReportRequest;

/// <param name="Total">The last year's figures over all the groups.</param>
public sealed record PledgedVsRealised(
    int RateYear, PledgeGrouping By, int FromYear, int ToYear, int Projects, PledgeYear Total, IReadOnlyList<PledgeGroup> Groups, IReadOnlyList<UnconvertedAmount> Unconverted);

/// <param name="Key">The sector's, park's, officer's or project's id; empty for projects without a sector or park.</param>
public sealed record PledgeGroup(string Key, string Label, string? LabelEn, string? Code, ProjectStage? Stage, int Projects, IReadOnlyList<PledgeYear> Years);

/// <summary>At the end of <see cref="Year"/>: pledges of the projects signed by then; realised figures cumulated to then.</summary>
public sealed record PledgeYear(
    int Year, int SignedProjects, long PledgedFen, long PledgedForeignUsdCents, long PledgedAnnualTaxFen, long PledgedAnnualOutputFen,
    long FundsInPlaceFen, long ForeignCapitalUsdCents, long TaxFen, long OutputFen);

public sealed class GetPledgedVsRealisedValidator : AbstractValidator<GetPledgedVsRealised>
{
    public GetPledgedVsRealisedValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.By).IsInEnum().OverridePropertyName("by").WithMsg(M.KpiDimension);
    }
}

public sealed class GetPledgedVsRealisedHandler(IAppDbContext db, IUserDirectory users, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPledgedVsRealised, PledgedVsRealised>
{
    public const int MaxItems = 500;

    public async ValueTask<PledgedVsRealised> Handle(GetPledgedVsRealised query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = await new ExchangeRateTable(db).ForYearAsync(scope.Year, cancellationToken);
        var signed = scope.Projects(db).Where(p => p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity);
        if (query.By == PledgeGrouping.Project)
        {
            signed = signed.OrderBy(p => p.Code).Take(MaxItems);
        }

        var keyed = query.By switch
        {
            PledgeGrouping.Sector => signed.Select(p => new Keyed { Key = p.SectorId, Project = p }),
            PledgeGrouping.Park => signed.Select(p => new Keyed { Key = p.ParkId, Project = p }),
            PledgeGrouping.Officer => signed.Select(p => new Keyed { Key = p.OwnerId, Project = p }),
            _ => signed.Select(p => new Keyed { Key = p.Id, Project = p }),
        };

        // The Kunshan year of signing: the signing instant moved to UTC+8.
        var signings = await keyed
            .Join(ReportScope.SigningInstants(db), k => k.Project.Id, s => s.ProjectId, (k, s) => new { k.Key, k.Project, s.SignedAt })
            .GroupBy(x => new { x.Key, Year = x.SignedAt.AddHours(8).Year, x.Project.PledgedInvestment!.Currency })
            .Select(g => new
            {
                g.Key.Key,
                g.Key.Year,
                g.Key.Currency,
                Projects = g.Count(),
                Minor = g.Sum(x => x.Project.PledgedInvestment!.MinorUnits),
                Foreign = g.Sum(x => x.Project.PledgedForeignCapitalUsdCents ?? 0),
                Tax = g.Sum(x => x.Project.PledgedAnnualTaxFen ?? 0),
                Output = g.Sum(x => x.Project.PledgedAnnualOutputFen ?? 0),
            })
            .ToListAsync(cancellationToken);

        var last = FigurePeriod.OfDate(scope.To);
        var figures = await keyed
            .Join(
                db.FigureEntries.AsNoTracking().Where(f => f.Status == FigureStatus.Verified && f.Period <= last
                    && (f.Kind == FigureKind.FundsInPlace || f.Kind == FigureKind.ForeignCapitalUsed || f.Kind == FigureKind.TaxPaid || f.Kind == FigureKind.IndustrialOutput)),
                k => k.Project.Id, f => f.ProjectId, (k, f) => new { k.Key, f.Period, f.Kind, f.Value })
            .GroupBy(x => new { x.Key, Year = x.Period / 100, x.Kind })
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Kind, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);

        var keys = signings.Select(s => s.Key).Concat(figures.Select(f => f.Key)).Distinct().ToList();
        var labels = await LabelsAsync(query.By, [.. keys.Where(k => k != null).Select(k => k!.Value)], cancellationToken);

        var totals = new CnyTotals(rates);
        var pledges = signings.Select(x => new { x.Key, x.Year, x.Projects, Fen = totals.Convert(x.Currency, x.Minor, x.Projects), x.Foreign, x.Tax, x.Output }).ToList();
        var fromYear = scope.From.Year;
        var toYear = scope.To.Year;
        PledgeYear YearOf(Guid? key, int year)
        {
            var s = pledges.Where(x => x.Key == key && x.Year <= year).ToList();
            var f = figures.Where(x => x.Key == key && x.Year <= year).ToList();
            long Realised(FigureKind kind) => f.Where(x => x.Kind == kind).Sum(x => x.Value);
            return new PledgeYear(
                year, s.Sum(x => x.Projects), s.Sum(x => x.Fen),
                s.Sum(x => x.Foreign), s.Sum(x => x.Tax), s.Sum(x => x.Output),
                Realised(FigureKind.FundsInPlace), Realised(FigureKind.ForeignCapitalUsed), Realised(FigureKind.TaxPaid), Realised(FigureKind.IndustrialOutput));
        }

        var groups = keys
            .Select(key =>
            {
                var label = key is { } k ? labels.GetValueOrDefault(k) : null;
                return new PledgeGroup(
                    key?.ToString() ?? "", label?.Zh ?? "(未分配)", label?.En ?? "(none)", label?.Code, label?.Stage,
                    signings.Where(x => x.Key == key).Sum(x => x.Projects),
                    [.. Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => YearOf(key, y))]);
            })
            .OrderBy(g => query.By == PledgeGrouping.Project ? g.Code : g.Label, StringComparer.Ordinal)
            .ToList();

        var total = new PledgeYear(
            toYear,
            groups.Sum(g => g.Years[^1].SignedProjects), groups.Sum(g => g.Years[^1].PledgedFen), groups.Sum(g => g.Years[^1].PledgedForeignUsdCents),
            groups.Sum(g => g.Years[^1].PledgedAnnualTaxFen), groups.Sum(g => g.Years[^1].PledgedAnnualOutputFen),
            groups.Sum(g => g.Years[^1].FundsInPlaceFen), groups.Sum(g => g.Years[^1].ForeignCapitalUsdCents),
            groups.Sum(g => g.Years[^1].TaxFen), groups.Sum(g => g.Years[^1].OutputFen));

        return new PledgedVsRealised(scope.Year, query.By, fromYear, toYear, signings.Sum(s => s.Projects), total, groups, totals.Unconverted);
    }

    private async Task<Dictionary<Guid, Label>> LabelsAsync(PledgeGrouping by, List<Guid> ids, CancellationToken cancellationToken) => by switch
    {
        PledgeGrouping.Sector => await db.Sectors.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new Label(s.NameZh, s.NameEn, null, null), cancellationToken),
        PledgeGrouping.Park => await db.Parks.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new Label(p.NameZh, p.NameEn, null, null), cancellationToken),
        PledgeGrouping.Officer => (await users.DisplayNamesAsync(ids, cancellationToken)).ToDictionary(u => u.Key, u => new Label(u.Value, u.Value, null, null)),
        _ => await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new Label(p.Name, p.Name, p.Code, p.Stage), cancellationToken),
    };

    private sealed record Label(string Zh, string? En, string? Code, ProjectStage? Stage);

    private sealed class Keyed
    {
        public Guid? Key { get; init; }
        public required Domain.Projects.InvestmentProject Project { get; init; }
    }
}
