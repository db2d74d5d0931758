using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetPipelineFunnel;

/// <summary>
/// 项目漏斗: the pipeline as it stands now, per sector and stage — projects, pledged investment in CNY (converted at
/// the rates of the report year) and pledged foreign capital in USD — with the conversion between consecutive stages.
/// Two statements: the rates and one GROUP BY.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetPipelineFunnel(ReportFilter Filter) : IQuery<PipelineFunnel>, IReportRequest;

public sealed record PipelineFunnel(
    int RateYear,
    IReadOnlyList<FunnelCell> Cells,
    IReadOnlyList<FunnelStage> Stages,
    int TotalProjects,
    long TotalPledgedFen,
    long TotalForeignCapitalUsdCents,
    IReadOnlyList<UnconvertedAmount> Unconverted);

/// <summary>One sector × stage cell (projects with no sector have a null <see cref="SectorId"/>).</summary>
public sealed record FunnelCell(Guid? SectorId, ProjectStage Stage, int Projects, long PledgedFen, long ForeignCapitalUsdCents);

/// <summary>
/// One stage over all sectors. <see cref="Reached"/>: projects now at this pipeline stage or beyond, or on hold / lost
/// after reaching it. <see cref="ConversionFromPrevious"/> = reached(this) ÷ reached(previous stage); null for the first
/// stage, the side states, or when the previous stage reached none.
/// </summary>
public sealed record FunnelStage(ProjectStage Stage, int Projects, int Reached, double? ConversionFromPrevious, long PledgedFen, long ForeignCapitalUsdCents);

public sealed class GetPipelineFunnelValidator : AbstractValidator<GetPipelineFunnel>
{
    public GetPipelineFunnelValidator() => this.AddReportFilterRules();
}

public sealed class GetPipelineFunnelHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPipelineFunnel, PipelineFunnel>
{
    public async ValueTask<PipelineFunnel> Handle(GetPipelineFunnel query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = (await new ExchangeRateTable(db).ForYearAsync(scope.Year, cancellationToken));

        var groups = await scope.Projects(db)
            .GroupBy(p => new { p.SectorId, p.Stage, p.StageBeforeSideState, p.PledgedInvestment!.Currency })
            .Select(g => new
            {
                g.Key.SectorId,
                g.Key.Stage,
                g.Key.StageBeforeSideState,
                g.Key.Currency,
                Projects = g.Count(),
                Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits),
                ForeignCapital = g.Sum(p => p.PledgedForeignCapitalUsdCents ?? 0),
            })
            .ToListAsync(cancellationToken);

        var totals = new CnyTotals(rates);
        var converted = groups.Select(g => new
        {
            g.SectorId,
            g.Stage,
            g.StageBeforeSideState,
            g.Projects,
            Fen = totals.Convert(g.Currency, g.Minor, g.Projects),
            g.ForeignCapital,
        }).ToList();

        var cells = converted
            .GroupBy(g => new { g.SectorId, g.Stage })
            .Select(g => new FunnelCell(g.Key.SectorId, g.Key.Stage, g.Sum(x => x.Projects), g.Sum(x => x.Fen), g.Sum(x => x.ForeignCapital)))
            .OrderBy(c => c.SectorId).ThenBy(c => c.Stage)
            .ToList();

        int ReachedAtLeast(ProjectStage stage) => converted
            .Where(g => g.Stage.IsPipeline() ? g.Stage >= stage : g.StageBeforeSideState is { } before && before >= stage)
            .Sum(g => g.Projects);

        var stages = new List<FunnelStage>();
        int? previousReached = null;
        foreach (var stage in ProjectStages.Pipeline.Append(ProjectStage.OnHold).Append(ProjectStage.Lost))
        {
            var here = converted.Where(g => g.Stage == stage).ToList();
            var reached = stage.IsPipeline() ? ReachedAtLeast(stage) : here.Sum(g => g.Projects);
            double? conversion = stage.IsPipeline() && previousReached is > 0 ? (double)reached / previousReached.Value : null;
            stages.Add(new FunnelStage(stage, here.Sum(g => g.Projects), reached, conversion, here.Sum(g => g.Fen), here.Sum(g => g.ForeignCapital)));
            previousReached = stage.IsPipeline() ? reached : null;
        }

        return new PipelineFunnel(
            scope.Year,
            cells,
            stages,
            converted.Sum(g => g.Projects),
            converted.Sum(g => g.Fen),
            converted.Sum(g => g.ForeignCapital),
            totals.Unconverted);
    }
}
