using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.CarrierMatching;

/// <summary>
/// What a project needs, as searched: parcels in 亩 or premises in m² (<paramref name="Kind"/>), the use, the project's
/// sector (shown; the register records no allowed industries, so it does not filter) and the preferred park.
/// </summary>
/// <param name="Area">亩 for parcels, m² (vacant) for premises; null when neither the search nor the project gives one.</param>
public sealed record CarrierNeed(CarrierKind Kind, double? Area, CarrierUse Use, Guid? SectorId, Guid? ParkId, double? MinArea, double? MaxArea);

/// <summary>One available carrier that fits the need, in rank order (1 = best).</summary>
/// <param name="Area">The parcel's 亩, or the premises' vacant m².</param>
/// <param name="Price">Guide price in fen per 亩 (parcels) or rent in fen per m² per month (premises).</param>
public sealed record CarrierMatch(
    int Rank,
    CarrierKind Kind,
    Guid Id,
    string Label,
    Guid ParkId,
    string ParkZh,
    string ParkEn,
    double Area,
    CarrierUse? Use,
    PremisesKind? PremisesKind,
    long? Price,
    bool InPreferredPark,
    bool IsReservedForProject);

/// <summary>A carrier the project holds: its reservation, or what 供地 gave it.</summary>
public sealed record CarrierHeld(CarrierKind Kind, Guid Id, string Label, string ParkZh, string ParkEn, double Area, DateTime? ReservedAtUtc);

/// <summary>The matching panel's data: the need, the ranked matches, and what the project holds.</summary>
/// <param name="CanReserve">Whether the reader may reserve or release for this project (owner or manager, project before 供地).</param>
public sealed record CarrierMatches(
    Guid ProjectId,
    ProjectStage Stage,
    bool CanEdit,
    bool CanReserve,
    CarrierNeed Need,
    IReadOnlyList<CarrierMatch> Matches,
    CarrierHeld? Reservation,
    CarrierHeld? Supplied);

/// <summary>The ranking rule, stated once for the query, the ADR (0033) and the page.</summary>
public static class CarrierFit
{
    /// <summary>A carrier fits when its area is at least 80 % …</summary>
    public const double Lower = 0.8;

    /// <summary>… and at most 150 % of the need.</summary>
    public const double Upper = 1.5;

    public const int DefaultTop = 10;
    public const int MaxTop = 50;

    /// <summary>Premises serve a use by their kind: 工业 in standard factories, 研发 and 商业 in offices.</summary>
    public static PremisesKind PremisesKindFor(CarrierUse use) => use == CarrierUse.Industrial ? PremisesKind.StandardFactory : PremisesKind.Office;

    /// <summary>A project may hold a reservation while in the pipeline before 供地.</summary>
    public static bool MayReserve(ProjectStage stage) => stage.IsPipeline() && stage < ProjectStage.LandSecured;
}
