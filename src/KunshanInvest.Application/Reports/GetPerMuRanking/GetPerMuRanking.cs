using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Reports.GetPerMuRanking;

/// <summary>
/// 亩均论英雄: enterprises ranked by 亩均税收 (verified tax of the year over their land, 万元/亩), with 亩均营收 beside
/// it, and the A/B/C/D class of each rank under that year's cut-offs; T for those not rated (no land, or under two
/// years in production). The field is the whole zone; the filter's sector, park and officer pick which enterprises are
/// shown (an officer: those with one of its projects). Year: <see cref="Year"/>, else the year the period ends in.
/// One statement (<see cref="IReportSql.PerMuAsync"/>).
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetPerMuRanking(ReportFilter Filter, int? Year = null, int Top = GetPerMuRanking.DefaultTop) : IQuery<PerMuRanking>, IReportRequest
{
    public const int DefaultTop = 20;
    public const int MaxTop = 500;
}

public sealed record PerMuRanking(int Year, PerMuThresholds Thresholds, int Rated, int Listed, IReadOnlyList<PerMuClassCount> Classes, IReadOnlyList<PerMuItem> Items);

public sealed record PerMuClassCount(PerMuClass Class, int Enterprises);

/// <param name="TaxPerMuWan">亩均税收, 万元/亩.</param>
/// <param name="RevenuePerMuWan">亩均营收, 万元/亩.</param>
public sealed record PerMuItem(
    int? Rank, PerMuClass Class, Guid EnterpriseId, string? Name, string? NameEn, double LandMu, DateOnly? ProductionStartedOn,
    long TaxFen, long RevenueFen, double? TaxPerMuWan, double? RevenuePerMuWan);

public sealed class GetPerMuRankingValidator : AbstractValidator<GetPerMuRanking>
{
    public GetPerMuRankingValidator()
    {
        this.AddReportFilterRules();
        RuleFor(x => x.Year).Must(y => y is null or >= 2000 and <= 2100).OverridePropertyName("year").WithMsg(M.KpiYearRange);
        RuleFor(x => x.Top).InclusiveBetween(1, GetPerMuRanking.MaxTop).OverridePropertyName("top").WithMsg(M.KpiTopRange);
    }
}

public sealed class GetPerMuRankingHandler(IReportSql sql, IOptions<PerMuOptions> options, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPerMuRanking, PerMuRanking>
{
    /// <summary>万元 in fen.</summary>
    private const double WanFen = 1_000_000;

    public async ValueTask<PerMuRanking> Handle(GetPerMuRanking query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var year = query.Year ?? scope.Year;
        var thresholds = options.Value.For(year);
        var page = await sql.PerMuAsync(year, scope, query.Top, cancellationToken);

        var classes = thresholds.Counts(page.Rated)
            .Select(c => new PerMuClassCount(c.Key, c.Value))
            .Append(new PerMuClassCount(PerMuClass.T, page.Listed - page.Rated))
            .ToList();
        var items = page.Rows
            .Select(r => new PerMuItem(
                r.Rank,
                r.Rank is { } rank ? thresholds.ClassOf(rank, page.Rated) : PerMuClass.T,
                r.EnterpriseId, r.NameZh ?? r.NameEn, r.NameEn, r.LandMu, r.ProductionStartedOn, r.TaxFen, r.RevenueFen,
                r.LandMu > 0 ? r.TaxFen / WanFen / r.LandMu : null,
                r.LandMu > 0 ? r.RevenueFen / WanFen / r.LandMu : null))
            .ToList();
        return new PerMuRanking(year, thresholds, page.Rated, page.Listed, classes, items);
    }
}
