using System.Globalization;
using KunshanInvest.Application.Carriers;
using KunshanInvest.Application.Carriers.ImportCarriers;
using KunshanInvest.Domain.Carriers;

namespace KunshanInvest.Web.Text;

/// <summary>The carrier register (载体库): overview, lists, a carrier's page, the admin forms and the import.</summary>
public static partial class T
{
    public static string Carriers => P("载体库", "Carrier register");
    public static string CarriersHint => P("可供宗地与可租房源:按园区与用途汇总,储备与已出让不计入可供面积,已预留的单独列出。", "Parcels on offer and vacant premises by park and use; land in reserve or sold is not counted, reserved land is shown apart.");
    public static string CarrierOverviewTitle => P("可供载体总览", "Available carriers");
    public static string Parcels => P("宗地", "Parcels");
    public static string PremisesList => P("房源", "Premises");
    public static string ParcelCode => P("宗地编号", "Parcel code");
    public static string CarrierPark => P("园区", "Park");
    public static string AreaMu => P("面积(亩)", "Area (mu)");
    public static string AreaM2 => P("面积(m²)", "Area (m²)");
    public static string VacantM2 => P("空置(m²)", "Vacant (m²)");
    public static string LandUse => P("用途", "Use");
    public static string ParcelStatusLabel => P("状态", "Status");
    public static string GuidePriceWanPerMu => P("指导价(万元/亩)", "Guide price (CNY 10k/mu)");
    public static string CarrierNote => P("备注", "Note");
    public static string Building => P("楼栋", "Building");
    public static string PremisesKindLabel => P("类型", "Kind");
    public static string FloorLoad => P("楼面荷载(kN/m²)", "Floor load (kN/m²)");
    public static string FloorsLabel => P("层数", "Floors");
    public static string RentYuan => P("租金(元/m²·月)", "Rent (CNY/m²·month)");
    public static string FreeMu => P("可供(亩)", "Free (mu)");
    public static string ReservedMu => P("已预留(亩)", "Reserved (mu)");
    public static string FreeM2 => P("可租(m²)", "Free (m²)");
    public static string ReservedM2 => P("已预留(m²)", "Reserved (m²)");
    public static string CarrierCount => P("宗数/处数", "Count");
    public static string ByParkAndUse => P("按园区与用途", "By park and use");
    public static string NoAvailableCarriers => P("暂无可供载体。", "No carriers available.");
    public static string NoParcels => P("没有符合条件的宗地。", "No parcels match.");
    public static string NoPremises => P("没有符合条件的房源。", "No premises match.");
    public static string MinMu => P("最小亩数", "Min mu");
    public static string MaxMu => P("最大亩数", "Max mu");
    public static string MinM2 => P("最小面积", "Min m²");
    public static string MaxM2 => P("最大面积", "Max m²");
    public static string VacantOnly => P("仅有空置", "Vacant only");
    public static string SortBy => P("排序", "Sort");
    public static string Descending => P("倒序", "Descending");
    public static string NewParcel => P("新增宗地", "New parcel");
    public static string NewPremises => P("新增房源", "New premises");
    public static string EditCarrier => P("编辑", "Edit");
    public static string SaveCarrier => P("保存", "Save");
    public static string CarrierSaved => P("已保存。", "Saved.");
    public static string SetStatus => P("更改状态", "Change status");
    public static string StatusReason => P("原因(选填)", "Reason (optional)");
    public static string CarrierHistory => P("历史记录", "History");
    public static string NoCarrierHistory => P("暂无记录。", "No history yet.");
    public static string ReservedFor => P("预留给", "Reserved for");
    public static string SuppliedTo => P("已供给", "Supplied to");
    public static string OccupiedBy => P("入驻项目", "Occupied by");
    public static string ImportCarriers => P("导入载体", "Import carriers");
    public static string ImportCarriersHint => P("一个工作簿:“宗地”表按宗地编号新增或更新,“房源”表按园区+楼栋新增或更新;园区填代码或名称。先预览,全部无误后确认导入;任一行有错则全部不保存。", "One workbook: its parcel sheet adds or updates parcels by code, its premises sheet premises by park and building; parks by code or name. Preview first, then confirm; if any row has an error nothing is saved.");
    public static string ImportRow => P("行", "Row");
    public static string WillDo => P("操作", "Action");
    public static string CreateAction => P("新增", "Create");
    public static string UpdateAction => P("更新", "Update");
    public static string DemoBadge => P("演示", "Demo");

    public static string CarrierImportSummary(CarrierImportResult r) =>
        P($"共 {r.Rows} 行,{r.RowsWithErrors} 行有错;将新增宗地 {r.NewParcels}、更新 {r.UpdatedParcels},新增房源 {r.NewPremises}、更新 {r.UpdatedPremises}。",
          $"{r.Rows} rows, {r.RowsWithErrors} with errors; would add {r.NewParcels} and update {r.UpdatedParcels} parcels, add {r.NewPremises} and update {r.UpdatedPremises} premises.");

    public static string CarrierImported(CarrierImportResult r) =>
        P($"已导入:新增宗地 {r.NewParcels}、更新 {r.UpdatedParcels},新增房源 {r.NewPremises}、更新 {r.UpdatedPremises}。",
          $"Imported: {r.NewParcels} parcels added, {r.UpdatedParcels} updated; {r.NewPremises} premises added, {r.UpdatedPremises} updated.");

    public static string UseName(CarrierUse use) => use switch
    {
        CarrierUse.Industrial => P("工业", "Industrial"),
        CarrierUse.Research => P("研发", "R&D"),
        _ => P("商业", "Commercial"),
    };

    public static string ParcelStatusName(ParcelStatus status) => status switch
    {
        ParcelStatus.Reserve => P("储备", "Land bank"),
        ParcelStatus.Available => P("可供", "Available"),
        _ => P("已出让", "Sold"),
    };

    public static string PremisesKindName(PremisesKind kind) => kind == PremisesKind.StandardFactory ? P("标准厂房", "Standard factory") : P("办公", "Office");

    public static string PremisesStatusName(PremisesStatus status) => status == PremisesStatus.Available ? P("可租", "Available") : P("已入驻", "Occupied");

    public static string CarrierEventName(CarrierEventKind kind) => kind switch
    {
        CarrierEventKind.Created => P("录入", "Created"),
        CarrierEventKind.Updated => P("修改", "Updated"),
        CarrierEventKind.Imported => P("导入", "Imported"),
        CarrierEventKind.Reserved => P("预留", "Reserved"),
        CarrierEventKind.Released => P("释放预留", "Released"),
        CarrierEventKind.Supplied => P("供地", "Supplied"),
        _ => P("状态变更", "Status changed"),
    };

    /// <summary>A history line's note: a status change ("Reserve→Available reason") in the reader's words, else as written.</summary>
    public static string? CarrierEventNote(string? note) =>
        CarrierStatusNote.TryParse(note, out var from, out var to, out var reason)
            ? $"{ParcelStatusName(from)} → {ParcelStatusName(to)}" + (reason is null ? "" : $" · {reason}")
            : note;

    public static string Mu(double mu) => mu.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string M2(double m2) => m2.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>fen per 亩 → 万元/亩.</summary>
    public static string WanPerMu(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>fen per m²·month → 元.</summary>
    public static string YuanPerM2(long? fen) => fen is { } f ? (f / 100m).ToString("#,0.##", CultureInfo.InvariantCulture) : "—";
}
