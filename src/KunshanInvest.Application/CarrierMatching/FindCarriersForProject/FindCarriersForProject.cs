using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.CarrierMatching.FindCarriersForProject;

/// <summary>
/// 载体匹配: the available carriers that fit a project's need, best first. The need is in 亩 (land parcels; default the
/// project's pledged 亩) or in m² (premises' vacant space), a use (default 工业), and a preferred park (default the
/// project's). A carrier fits when it is available — a parcel 可供, premises Available with vacancy — and not reserved for
/// another project, serves the use, and its area is within 80 %–150 % of the need. Ranked in SQL (docs/adr/0033):
/// the preferred park first, then the closest area, then the lower price (none last), then the code or building.
/// Staff read every project, as GetProject does; four statements whatever the register's size.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record FindCarriersForProject(
    Guid ProjectId,
    double? AreaMu = null,
    double? AreaM2 = null,
    CarrierUse? Use = null,
    Guid? ParkId = null,
    int? Top = null) : IQuery<CarrierMatches>;

public sealed class FindCarriersForProjectValidator : AbstractValidator<FindCarriersForProject>
{
    public FindCarriersForProjectValidator()
    {
        RuleFor(x => x.AreaM2).Null().WithMsg(M.MatchingOneArea).When(x => x.AreaMu is not null);
        RuleFor(x => x.AreaMu).GreaterThan(0).LessThanOrEqualTo(LandParcel.MaxAreaMu).WithMsg(M.MatchingArea).When(x => x.AreaMu is not null);
        RuleFor(x => x.AreaM2).GreaterThan(0).LessThanOrEqualTo(Premises.MaxAreaM2).WithMsg(M.MatchingArea).When(x => x.AreaM2 is not null);
        RuleFor(x => x.Use).IsInEnum().When(x => x.Use is not null);
        RuleFor(x => x.Top).InclusiveBetween(1, CarrierFit.MaxTop).WithMsg(M.MatchingTop).When(x => x.Top is not null);
    }
}

public sealed class FindCarriersForProjectHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<FindCarriersForProject, CarrierMatches>
{
    public async ValueTask<CarrierMatches> Handle(FindCarriersForProject query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == query.ProjectId)
            .Select(p => new { p.Id, p.Stage, p.OwnerId, p.SectorId, p.ParkId, p.PledgedLandMu })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project", query.ProjectId);

        var kind = query.AreaM2 is not null ? CarrierKind.Premises : CarrierKind.Parcel;
        var area = kind == CarrierKind.Premises ? query.AreaM2 : query.AreaMu ?? (project.PledgedLandMu is > 0 ? project.PledgedLandMu : null);
        var use = query.Use ?? CarrierUse.Industrial;
        var park = query.ParkId ?? project.ParkId;
        var top = query.Top ?? CarrierFit.DefaultTop;
        var need = new CarrierNeed(kind, area, use, project.SectorId, park, area * CarrierFit.Lower, area * CarrierFit.Upper);

        var matches = kind == CarrierKind.Parcel
            ? await ParcelsAsync(project.Id, need, top, cancellationToken)
            : await PremisesAsync(project.Id, need, top, cancellationToken);
        var (reservation, supplied) = await CarrierHoldings.OfAsync(db, project.Id, cancellationToken);
        var canEdit = project.OwnerId == user.RequireId() || user.IsManagerOrAdmin();
        return new CarrierMatches(project.Id, project.Stage, canEdit, canEdit && CarrierFit.MayReserve(project.Stage) && supplied is null, need, matches, reservation, supplied);
    }

    private async Task<IReadOnlyList<CarrierMatch>> ParcelsAsync(Guid projectId, CarrierNeed need, int top, CancellationToken cancellationToken)
    {
        var parcels = db.LandParcels.AsNoTracking()
            .Where(p => p.Status == ParcelStatus.Available && (p.ReservedForProjectId == null || p.ReservedForProjectId == projectId) && p.Use == need.Use);
        if (need.MinArea is { } min && need.MaxArea is { } max)
        {
            parcels = parcels.Where(p => p.AreaMu >= min && p.AreaMu <= max);
        }

        var target = need.Area ?? 0;
        var park = need.ParkId;
        var rows = await (
            from p in parcels
            join k in db.Parks on p.ParkId equals k.Id
            orderby (p.ParkId == park ? 0 : 1), Math.Abs(p.AreaMu - target), (p.GuidePriceFenPerMu == null ? 1 : 0), p.GuidePriceFenPerMu, p.Code
            select new { p.Id, p.Code, p.ParkId, k.NameZh, k.NameEn, p.AreaMu, p.Use, p.GuidePriceFenPerMu, p.ReservedForProjectId })
            .Take(top).ToListAsync(cancellationToken);
        return [.. rows.Select((r, i) => new CarrierMatch(i + 1, CarrierKind.Parcel, r.Id, r.Code, r.ParkId, r.NameZh, r.NameEn, r.AreaMu, r.Use, null,
            r.GuidePriceFenPerMu, r.ParkId == park, r.ReservedForProjectId == projectId))];
    }

    private async Task<IReadOnlyList<CarrierMatch>> PremisesAsync(Guid projectId, CarrierNeed need, int top, CancellationToken cancellationToken)
    {
        var kind = CarrierFit.PremisesKindFor(need.Use);
        var premises = db.Premises.AsNoTracking()
            .Where(p => p.Status == PremisesStatus.Available && p.VacantM2 > 0 && (p.ReservedForProjectId == null || p.ReservedForProjectId == projectId) && p.Kind == kind);
        if (need.MinArea is { } min && need.MaxArea is { } max)
        {
            premises = premises.Where(p => p.VacantM2 >= min && p.VacantM2 <= max);
        }

        var target = need.Area ?? 0;
        var park = need.ParkId;
        var rows = await (
            from p in premises
            join k in db.Parks on p.ParkId equals k.Id
            orderby (p.ParkId == park ? 0 : 1), Math.Abs(p.VacantM2 - target), (p.RentFenPerM2Month == null ? 1 : 0), p.RentFenPerM2Month, p.Building
            select new { p.Id, p.Building, p.ParkId, k.NameZh, k.NameEn, p.VacantM2, p.Kind, p.RentFenPerM2Month, p.ReservedForProjectId })
            .Take(top).ToListAsync(cancellationToken);
        return [.. rows.Select((r, i) => new CarrierMatch(i + 1, CarrierKind.Premises, r.Id, r.Building, r.ParkId, r.NameZh, r.NameEn, r.VacantM2, null, r.Kind,
            r.RentFenPerM2Month, r.ParkId == park, r.ReservedForProjectId == projectId))];
    }
}
