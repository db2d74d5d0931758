using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers.ListParcels;

/// <summary>The parcel register: filtered by park, use, status and area (亩), sorted and paged in SQL — two statements.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListParcels(
    Guid? ParkId = null,
    CarrierUse? Use = null,
    ParcelStatus? Status = null,
    double? MinMu = null,
    double? MaxMu = null,
    string? Text = null,
    ParcelSort Sort = ParcelSort.Code,
    bool Descending = false,
    int Page = 1,
    int PageSize = 50) : IQuery<CarrierList<ParcelDto>>
{
    public const int TextMaxLength = 40;
    public const int MaxPageSize = 200;
    public const int MaxPage = 10_000;
}

public sealed class ListParcelsValidator : AbstractValidator<ListParcels>
{
    public ListParcelsValidator()
    {
        RuleFor(x => x.Text).MaximumLength(ListParcels.TextMaxLength);
        RuleFor(x => x.Use).IsInEnum().WithMsg(M.CarrierUseUnknown);
        RuleFor(x => x.Status).IsInEnum().WithMsg(M.CarrierStatusUnknown);
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.MinMu).Must(v => v is null || double.IsFinite(v.Value) && v >= 0).WithMsg(M.CarrierArea);
        RuleFor(x => x.MaxMu).Must(v => v is null || double.IsFinite(v.Value) && v >= 0).WithMsg(M.CarrierArea)
            .Must((x, v) => x.MinMu is null || v is null || x.MinMu <= v).WithMsg(M.CarrierRange);
        RuleFor(x => x.Page).InclusiveBetween(1, ListParcels.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListParcels.MaxPageSize);
    }
}

public sealed class ListParcelsHandler(IAppDbContext db) : IQueryHandler<ListParcels, CarrierList<ParcelDto>>
{
    public async ValueTask<CarrierList<ParcelDto>> Handle(ListParcels query, CancellationToken cancellationToken)
    {
        var parcels = db.LandParcels.AsNoTracking();
        if (query.ParkId is { } park)
        {
            parcels = parcels.Where(p => p.ParkId == park);
        }

        if (query.Use is { } use)
        {
            parcels = parcels.Where(p => p.Use == use);
        }

        if (query.Status is { } status)
        {
            parcels = parcels.Where(p => p.Status == status);
        }

        if (query.MinMu is { } min)
        {
            parcels = parcels.Where(p => p.AreaMu >= min);
        }

        if (query.MaxMu is { } max)
        {
            parcels = parcels.Where(p => p.AreaMu <= max);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            parcels = parcels.Where(p => p.Code.Contains(text));
        }

        var total = await parcels.CountAsync(cancellationToken);
        var d = query.Descending;
        var sorted = query.Sort switch
        {
            ParcelSort.Area => d ? parcels.OrderByDescending(p => p.AreaMu) : parcels.OrderBy(p => p.AreaMu),
            ParcelSort.Park => d
                ? parcels.OrderByDescending(p => db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.Code).FirstOrDefault())
                : parcels.OrderBy(p => db.Parks.Where(k => k.Id == p.ParkId).Select(k => k.Code).FirstOrDefault()),
            ParcelSort.Status => d ? parcels.OrderByDescending(p => p.Status) : parcels.OrderBy(p => p.Status),
            ParcelSort.Price => d ? parcels.OrderByDescending(p => p.GuidePriceFenPerMu) : parcels.OrderBy(p => p.GuidePriceFenPerMu),
            _ => d ? parcels.OrderByDescending(p => p.Code) : parcels.OrderBy(p => p.Code),
        };
        var page = sorted.ThenBy(p => p.Code).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        var items = await CarrierReads.Parcels(db, page).ToListAsync(cancellationToken);
        return new CarrierList<ParcelDto>(items, total, query.Page, query.PageSize);
    }
}
