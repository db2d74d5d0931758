using System.Globalization;
using KunshanInvest.Application.CarrierMatching;
using KunshanInvest.Domain.Carriers;

namespace KunshanInvest.Web.Text;

/// <summary>载体匹配: the project page's carrier panel and the 供地 step's carrier picker.</summary>
public static partial class T
{
    public static string CarrierMatching => P("载体匹配", "Carriers");
    public static string CarrierNeed => P("需求", "Need");
    public static string CarrierNeedParcel => P("宗地(亩)", "Land (mu)");
    public static string CarrierNeedPremises => P("厂房/楼宇(平方米)", "Premises (m²)");
    public static string CarrierNeedArea => P("需求面积", "Area needed");
    public static string CarrierUseLabel => P("用途", "Use");
    public static string CarrierPreferredPark => P("意向园区", "Preferred park");
    public static string CarrierAnyPark => P("不限", "Any");
    public static string CarrierSearch => P("查找", "Search");
    public static string CarrierSector(string? sector) => P($"行业:{sector ?? "—"}(载体库未登记准入行业,不参与筛选)", $"Sector: {sector ?? "—"} (the register records no allowed industries, so it does not filter)");

    public static string CarrierRule => P(
        $"可供、未被其他项目预留、用途相符、面积在需求的 {CarrierFit.Lower:P0}–{CarrierFit.Upper:P0} 之间的载体;排序:意向园区优先,其次面积最接近,再次价格较低(无价格的排后)。",
        $"Available, not reserved by another project, of the use, with an area within {CarrierFit.Lower:P0}–{CarrierFit.Upper:P0} of the need; ranked: preferred park first, then the closest area, then the lower price (none last).");

    public static string CarrierNoMatches => P("没有符合条件的载体。", "No carrier fits.");
    public static string CarrierReserve => P("预留", "Reserve");
    public static string CarrierRelease => P("释放", "Release");
    public static string CarrierReserved => P("预留成功", "Reserved");
    public static string CarrierReleased => P("已释放", "Released");
    public static string CarrierCurrentReservation => P("当前预留", "Reserved for this project");
    public static string CarrierSuppliedTo => P("已供地载体", "Supplied carrier");
    public static string CarrierNone => P("尚未预留载体", "No carrier reserved");
    public static string CarrierInPark => P("意向园区", "Preferred park");
    public static string CarrierOwnReservation => P("本项目预留", "Held by this project");
    public static string CarrierReadOnly => P("仅项目负责人或管理人员可以预留;供地后不再预留。", "Only the owner or a manager reserves, and only before land supply.");
    public static string CarrierSoldStatus => P("已出让", "Sold");
    public static string CarrierOccupiedStatus => P("已入驻", "Occupied");



    public static string CarrierKindName(CarrierKind kind) => kind == CarrierKind.Parcel ? P("宗地", "Parcel") : P("房源", "Premises");

    public static string CarrierArea(CarrierKind kind, double area) =>
        kind == CarrierKind.Parcel ? $"{area.ToString("0.##", CultureInfo.InvariantCulture)} {P("亩", "mu")}" : $"{area.ToString("#,0", CultureInfo.InvariantCulture)} m²";

    /// <summary>Guide price in 万元/亩 for parcels, rent in 元/m²·月 for premises.</summary>
    public static string CarrierPrice(CarrierKind kind, long? fen) => fen is not { } f
        ? P("价格未定", "No price")
        : kind == CarrierKind.Parcel
            ? P($"{(f / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture)} 万元/亩", $"CNY {(f / 100m).ToString("#,0", CultureInfo.InvariantCulture)} / mu")
            : P($"{(f / 100m).ToString("0.##", CultureInfo.InvariantCulture)} 元/m²·月", $"CNY {(f / 100m).ToString("0.##", CultureInfo.InvariantCulture)} / m² / month");

    public static string CarrierHref(CarrierKind kind, Guid id) => kind == CarrierKind.Parcel ? $"/carriers/parcels/{id}" : $"/carriers/premises/{id}";

    // The 供地 step of the milestone form.
    public static string CarrierPick => P("供地载体", "Carrier supplied");
    public static string CarrierPickNone => P("不关联登记载体(须管理人员说明原因)", "No carrier of the register (a manager's reason)");
    public static string CarrierNoCarrierReason => P("不关联载体的原因(管理人员)", "Reason for no carrier (manager)");
    public static string CarrierPickHint => P("已预留的载体预先选中;供地后该载体变为已出让/已入驻。", "The reserved carrier is preselected; land supply makes it sold / occupied.");
    public static string CarrierLinked => P("载体", "Carrier");
    public static string CarrierNoCarrier(string reason) => P($"未关联载体:{reason}", $"No carrier: {reason}");
}
