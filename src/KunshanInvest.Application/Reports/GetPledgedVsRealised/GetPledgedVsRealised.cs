using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetPledgedVsRealised;

/// <summary>
/// 协议与落地: what the signed projects (now at 签约 or beyond, not lost) pledged against what they realised —
/// investment (pledged, converted to CNY at the report year's rates, against funds in place), jobs and annual tax —
/// per project (the first <see cref="GetPledgedVsRealisedHandler.MaxItems"/> by code) and in total. Three statements.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetPledgedVsRealised(ReportFilter Filter) : IQuery<PledgedVsRealised>, IReportRequest;

public sealed record PledgedVsRealised(int RateYear, PledgeFigures Total, int Projects, IReadOnlyList<PledgeItem> Items, IReadOnlyList<UnconvertedAmount> Unconverted);

public sealed record PledgeFigures(long PledgedFen, long FundsInPlaceFen, long PledgedJobs, long RealisedJobs, long PledgedTaxFen, long RealisedTaxFen);

public sealed record PledgeItem(Guid ProjectId, string Code, string Name, ProjectStage Stage, long? PledgedMinor, string? PledgedCurrency, long? PledgedFen, long? FundsInPlaceFen, int? PledgedJobs, int? RealisedJobs, long? PledgedTaxFen, long? RealisedTaxFen);

public sealed class GetPledgedVsRealisedValidator : AbstractValidator<GetPledgedVsRealised>
{
    public GetPledgedVsRealisedValidator() => this.AddReportFilterRules();
}

public sealed class GetPledgedVsRealisedHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPledgedVsRealised, PledgedVsRealised>
{
    public const int MaxItems = 500;

    public async ValueTask<PledgedVsRealised> Handle(GetPledgedVsRealised query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = await new ExchangeRateTable(db).ForYearAsync(scope.Year, cancellationToken);
        var signed = scope.Projects(db).Where(p => p.Stage >= ProjectStage.Signed && p.Stage <= ProjectStage.AtCapacity);

        var sums = await signed
            .GroupBy(p => p.PledgedInvestment!.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Projects = g.Count(),
                Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits),
                Funds = g.Sum(p => p.FundsInPlaceFen ?? 0),
                PledgedJobs = g.Sum(p => (long)(p.PledgedJobs ?? 0)),
                RealisedJobs = g.Sum(p => (long)(p.RealisedJobs ?? 0)),
                PledgedTax = g.Sum(p => p.PledgedAnnualTaxFen ?? 0),
                RealisedTax = g.Sum(p => p.RealisedAnnualTaxFen ?? 0),
            })
            .ToListAsync(cancellationToken);

        var items = await signed
            .OrderBy(p => p.Code)
            .Take(MaxItems)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.Stage,
                Minor = p.PledgedInvestment == null ? (long?)null : p.PledgedInvestment.MinorUnits,
                Currency = p.PledgedInvestment == null ? null : p.PledgedInvestment.Currency,
                p.FundsInPlaceFen, p.PledgedJobs, p.RealisedJobs, p.PledgedAnnualTaxFen, p.RealisedAnnualTaxFen,
            })
            .ToListAsync(cancellationToken);

        var totals = new CnyTotals(rates);
        var total = new PledgeFigures(
            sums.Sum(s => totals.Convert(s.Currency, s.Minor, s.Projects)),
            sums.Sum(s => s.Funds),
            sums.Sum(s => s.PledgedJobs),
            sums.Sum(s => s.RealisedJobs),
            sums.Sum(s => s.PledgedTax),
            sums.Sum(s => s.RealisedTax));

        return new PledgedVsRealised(
            scope.Year,
            total,
            sums.Sum(s => s.Projects),
            [.. items.Select(i => new PledgeItem(
                i.Id, i.Code, i.Name, i.Stage, i.Minor, i.Currency?.Trim(),
                i.Minor is { } m && i.Currency is { } c ? rates.ToFen(m, c.Trim()) : null,
                i.FundsInPlaceFen, i.PledgedJobs, i.RealisedJobs, i.PledgedAnnualTaxFen, i.RealisedAnnualTaxFen))],
            totals.Unconverted);
    }
}
