using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Carriers;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Carriers;

/// <summary>What creating and editing a parcel carry.</summary>
public interface IParcelFields
{
    string Code { get; }
    Guid ParkId { get; }
    double AreaMu { get; }
    CarrierUse Use { get; }
    long? GuidePriceFenPerMu { get; }
    string? Note { get; }
}

/// <summary>What creating and editing premises carry.</summary>
public interface IPremisesFields
{
    Guid ParkId { get; }
    string Building { get; }
    PremisesKind Kind { get; }
    double AreaM2 { get; }
    double VacantM2 { get; }
    double? FloorLoadKnPerM2 { get; }
    int Floors { get; }
    long? RentFenPerM2Month { get; }
    string? Note { get; }
}

/// <summary>The register's field rules: lengths first, then the domain's ranges with the domain's catalogue codes.</summary>
internal static class CarrierFields
{
    public static void AddParcelRules<T>(this AbstractValidator<T> v)
        where T : IParcelFields
    {
        v.RuleFor(x => x.Code).Cascade(CascadeMode.Stop).NotEmpty().WithMsg(M.CarrierCode).MaximumLength(LandParcel.CodeMaxLength).WithMsg(M.CarrierCode);
        v.RuleFor(x => x.Note).MaximumLength(LandParcel.NoteMaxLength);
        v.RuleFor(x => x.ParkId).NotEmpty();
        v.RuleFor(x => x.AreaMu).Must(a => double.IsFinite(a) && a > 0 && a <= LandParcel.MaxAreaMu).WithMsg(M.CarrierArea);
        v.RuleFor(x => x.Use).IsInEnum().WithMsg(M.CarrierUseUnknown);
        v.RuleFor(x => x.GuidePriceFenPerMu).GreaterThanOrEqualTo(0).WithMsg(M.CarrierPrice);
    }

    public static void AddPremisesRules<T>(this AbstractValidator<T> v)
        where T : IPremisesFields
    {
        v.RuleFor(x => x.Building).Cascade(CascadeMode.Stop).NotEmpty().WithMsg(M.CarrierBuilding).MaximumLength(Premises.BuildingMaxLength);
        v.RuleFor(x => x.Note).MaximumLength(Premises.NoteMaxLength);
        v.RuleFor(x => x.ParkId).NotEmpty();
        v.RuleFor(x => x.Kind).IsInEnum().WithMsg(M.CarrierKindUnknown);
        v.RuleFor(x => x.AreaM2).Must(a => double.IsFinite(a) && a > 0 && a <= Premises.MaxAreaM2).WithMsg(M.CarrierArea);
        v.RuleFor(x => x.VacantM2).Must((x, a) => double.IsFinite(a) && a >= 0 && a <= x.AreaM2).WithMsg(M.CarrierArea);
        v.RuleFor(x => x.FloorLoadKnPerM2).Must(l => l is null || double.IsFinite(l.Value) && l > 0 && l <= Premises.MaxFloorLoad).WithMsg(M.CarrierStructure);
        v.RuleFor(x => x.Floors).InclusiveBetween(1, Premises.MaxFloors).WithMsg(M.CarrierStructure);
        v.RuleFor(x => x.RentFenPerM2Month).GreaterThanOrEqualTo(0).WithMsg(M.CarrierPrice);
    }

    public static readonly Bilingual Parcel = new("宗地", "parcel");
    public static readonly Bilingual PremisesWord = new("房源", "premises");

    /// <summary>Refuses an edit of a version other than the current one before any work (the save checks it again).</summary>
    public static void RequireVersion(IAppDbContext db, Domain.Common.AggregateRoot carrier, int version, Bilingual what)
    {
        if (carrier.Version != version)
        {
            throw new ConflictException(M.ChangedSinceVersion.With(("what", what), ("current", carrier.Version), ("version", version)));
        }

        db.ExpectVersion(carrier, version);
    }

    public static async Task RequireParkAsync(IAppDbContext db, Guid parkId, CancellationToken cancellationToken)
    {
        if (!await db.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw FieldError.Invalid("parkId", M.CarrierParkUnknown.With(("park", parkId)));
        }
    }

    public static async Task RequireFreeCodeAsync(IAppDbContext db, string code, Guid? except, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        if (await db.LandParcels.AnyAsync(p => p.Code == trimmed && p.Id != except, cancellationToken))
        {
            throw new ConflictException(M.CarrierCodeTaken.With(("code", trimmed)));
        }
    }

    public static async Task RequireFreeBuildingAsync(IAppDbContext db, Guid parkId, string building, Guid? except, CancellationToken cancellationToken)
    {
        var trimmed = building.Trim();
        if (await db.Premises.AnyAsync(p => p.ParkId == parkId && p.Building == trimmed && p.Id != except, cancellationToken))
        {
            throw new ConflictException(M.CarrierBuildingTaken.With(("building", trimmed)));
        }
    }
}
