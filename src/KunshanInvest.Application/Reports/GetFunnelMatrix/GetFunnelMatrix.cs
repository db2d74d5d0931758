using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.GetFunnelMatrix;

/// <summary>
/// 漏斗矩阵: the pipeline as it stands now, sectors as rows and the ten pipeline stages as columns — projects and pledged
/// investment in CNY (converted at the report year's rates) per cell. Projects on hold or lost are not in a column.
/// Under the dashboard's filter and the reader's scope (an officer sees its own projects). Three statements: the rates,
/// one GROUP BY sector, stage and currency, and the sectors' names.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetFunnelMatrix(ReportFilter Filter) : IQuery<FunnelMatrix>, IReportRequest;

public sealed record FunnelMatrix(
    int RateYear,
    IReadOnlyList<ProjectStage> Stages,
    IReadOnlyList<FunnelMatrixRow> Rows,
    IReadOnlyList<FunnelMatrixCell> Totals,
    int MaxProjects,
    IReadOnlyList<UnconvertedAmount> Unconverted);

/// <summary>One sector (null: projects with no sector yet), a cell per stage of <see cref="FunnelMatrix.Stages"/>.</summary>
public sealed record FunnelMatrixRow(Guid? SectorId, string? SectorCode, string? SectorNameZh, string? SectorNameEn, IReadOnlyList<FunnelMatrixCell> Cells, int Projects, long PledgedFen);

public sealed record FunnelMatrixCell(ProjectStage Stage, int Projects, long PledgedFen);

public sealed class GetFunnelMatrixValidator : AbstractValidator<GetFunnelMatrix>
{
    public GetFunnelMatrixValidator() => this.AddReportFilterRules();
}

public sealed class GetFunnelMatrixHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetFunnelMatrix, FunnelMatrix>
{
    public async ValueTask<FunnelMatrix> Handle(GetFunnelMatrix query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        var rates = await new ExchangeRateTable(db).ForYearAsync(scope.Year, cancellationToken);

        var groups = await scope.Projects(db)
            .Where(p => p.Stage <= ProjectStage.AtCapacity)
            .GroupBy(p => new { p.SectorId, p.Stage, p.PledgedInvestment!.Currency })
            .Select(g => new { g.Key.SectorId, g.Key.Stage, g.Key.Currency, Projects = g.Count(), Minor = g.Sum(p => p.PledgedInvestment!.MinorUnits) })
            .ToListAsync(cancellationToken);

        var ids = groups.Where(g => g.SectorId != null).Select(g => g.SectorId!.Value).Distinct().ToList();
        var sectors = ids.Count == 0 ? [] : await db.Sectors.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.NameZh, s.NameEn })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var totals = new CnyTotals(rates);
        var cells = groups
            .Select(g => new { g.SectorId, g.Stage, g.Projects, Fen = totals.Convert(g.Currency, g.Minor, g.Projects) })
            .GroupBy(g => (g.SectorId, g.Stage))
            .ToDictionary(g => g.Key, g => new FunnelMatrixCell(g.Key.Stage, g.Sum(x => x.Projects), g.Sum(x => x.Fen)));

        FunnelMatrixCell CellOf(Guid? sector, ProjectStage stage) => cells.GetValueOrDefault((sector, stage)) ?? new FunnelMatrixCell(stage, 0, 0);

        var stages = ProjectStages.Pipeline;
        var rows = groups.Select(g => g.SectorId).Distinct()
            .Select(id =>
            {
                var sector = id is { } k ? sectors.GetValueOrDefault(k) : null;
                var row = stages.Select(s => CellOf(id, s)).ToList();
                return new FunnelMatrixRow(id, sector?.Code, sector?.NameZh, sector?.NameEn, row, row.Sum(c => c.Projects), row.Sum(c => c.PledgedFen));
            })
            .OrderBy(r => r.SectorId is null).ThenBy(r => r.SectorCode, StringComparer.Ordinal).ThenBy(r => r.SectorId)
            .ToList();

        var columnTotals = stages.Select((s, i) => new FunnelMatrixCell(s, rows.Sum(r => r.Cells[i].Projects), rows.Sum(r => r.Cells[i].PledgedFen))).ToList();
        var max = rows.SelectMany(r => r.Cells).Select(c => c.Projects).DefaultIfEmpty(0).Max();
        return new FunnelMatrix(scope.Year, stages, rows, columnTotals, max, totals.Unconverted);
    }
}
