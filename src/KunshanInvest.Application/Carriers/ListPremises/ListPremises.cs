using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers.ListPremises;

/// <summary>
/// The premises register: filtered by park, kind, status, area (m²) and vacancy (at least so many m² vacant), sorted and
/// paged in SQL — two statements.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListPremises(
    Guid? ParkId = null,
    PremisesKind? Kind = null,
    PremisesStatus? Status = null,
    double? MinM2 = null,
    double? MaxM2 = null,
    double? MinVacantM2 = null,
    string? Text = null,
    PremisesSort Sort = PremisesSort.Building,
    bool Descending = false,
    int Page = 1,
    int PageSize = 50) : IQuery<CarrierList<PremisesDto>>
{
    public const int TextMaxLength = 100;
}

public sealed class ListPremisesValidator : AbstractValidator<ListPremises>
{
    public ListPremisesValidator()
    {
        RuleFor(x => x.Text).MaximumLength(ListPremises.TextMaxLength);
        RuleFor(x => x.Kind).IsInEnum().WithMsg(M.CarrierKindUnknown);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.MinM2).Must(v => v is null || double.IsFinite(v.Value) && v >= 0).WithMsg(M.CarrierArea);
        RuleFor(x => x.MinVacantM2).Must(v => v is null || double.IsFinite(v.Value) && v >= 0).WithMsg(M.CarrierArea);
        RuleFor(x => x.MaxM2).Must(v => v is null || double.IsFinite(v.Value) && v >= 0).WithMsg(M.CarrierArea)
            .Must((x, v) => x.MinM2 is null || v is null || x.MinM2 <= v).WithMsg(M.CarrierRange);
        RuleFor(x => x.Page).InclusiveBetween(1, ListParcels.ListParcels.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListParcels.ListParcels.MaxPageSize);
    }
}

public sealed class ListPremisesHandler(IAppDbContext db) : IQueryHandler<ListPremises, CarrierList<PremisesDto>>
{
    public async ValueTask<CarrierList<PremisesDto>> Handle(ListPremises query, CancellationToken cancellationToken)
    {
        var premises = db.Premises.AsNoTracking();
        if (query.ParkId is { } park)
        {
            premises = premises.Where(p => p.ParkId == park);
        }

        if (query.Kind is { } kind)
        {
            premises = premises.Where(p => p.Kind == kind);
        }

        if (query.Status is { } status)
        {
            premises = premises.Where(p => p.Status == status);
        }

        if (query.MinM2 is { } min)
        {
            premises = premises.Where(p => p.AreaM2 >= min);
        }

        if (query.MaxM2 is { } max)
        {
            premises = premises.Where(p => p.AreaM2 <= max);
        }

        if (query.MinVacantM2 is { } vacant)
        {
            premises = premises.Where(p => p.VacantM2 > 0 && p.VacantM2 >= vacant);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            premises = premises.Where(p => p.Building.Contains(text));
        }

        var total = await premises.CountAsync(cancellationToken);
        var d = query.Descending;
        var sorted = query.Sort switch
        {
            PremisesSort.Area => d ? premises.OrderByDescending(p => p.AreaM2) : premises.OrderBy(p => p.AreaM2),
            PremisesSort.Vacant => d ? premises.OrderByDescending(p => p.VacantM2) : premises.OrderBy(p => p.VacantM2),
            PremisesSort.Park => d
                ? premises.OrderByDescending(p => db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.Code).FirstOrDefault())
                : premises.OrderBy(p => db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.Code).FirstOrDefault()),
            PremisesSort.Rent => d ? premises.OrderByDescending(p => p.RentFenPerM2Month) : premises.OrderBy(p => p.RentFenPerM2Month),
            _ => d ? premises.OrderByDescending(p => p.Building) : premises.OrderBy(p => p.Building),
        };
        var page = sorted.ThenBy(p => p.Building).ThenBy(p => p.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        var items = await CarrierReads.Premises(db, page).ToListAsync(cancellationToken);
        return new CarrierList<PremisesDto>(items, total, query.Page, query.PageSize);
    }
}
