namespace KunshanInvest.Application.Common.Messages;

/// <summary>The carrier register (载体库): parcels and premises as admins keep them, and their workbook import.</summary>
public static partial class M
{
    public static readonly Msg CarrierCode = new("carrier.code", "请填写宗地编号(最多 40 个字符)。", "A parcel needs its code (宗地编号) of at most 40 characters.");
    public static readonly Msg CarrierCodeTaken = new("carrier.code_taken", "宗地编号 {code} 已存在。", "Parcel code {code} already exists.");
    public static readonly Msg CarrierBuildingTaken = new("carrier.building_taken", "该园区已有楼栋“{building}”的房源。", "The park already has premises '{building}'.");
    public static readonly Msg CarrierParkUnknown = new("carrier.park_unknown", "找不到园区“{park}”:请填写园区代码或中文名。", "No park '{park}': enter the park's code or Chinese name.");
    public static readonly Msg CarrierPageRange = new("carrier.page", "页码须为 1–{max}。", "The page is 1 to {max}.");
    public static readonly Msg CarrierRange = new("carrier.range", "面积范围的下限不能大于上限。", "The lower bound of the area range cannot exceed the upper one.");

    public static readonly Msg CarrierImportNoRows = new("carrier_import.no_rows", "工作簿的“宗地”和“房源”表中都没有数据行。", "Neither the 宗地 nor the 房源 sheet has data rows.");
    public static readonly Msg CarrierImportNoSheet = new("carrier_import.no_sheet", "找不到“宗地”或“房源”工作表,请使用载体导入模板。", "No 宗地 or 房源 sheet: use the carrier import template.");
    public static readonly Msg CarrierImportRequired = new("carrier_import.required", "请填写此列。", "This column is required.");
    public static readonly Msg CarrierImportUse = new("carrier_import.use", "“{text}”不是用途:请填 工业、研发 或 商业。", "'{text}' is not a land use: enter 工业, 研发 or 商业.");
    public static readonly Msg CarrierImportStatus = new("carrier_import.status", "“{text}”不是宗地状态:请填 储备、可供 或 已出让。", "'{text}' is not a parcel status: enter 储备, 可供 or 已出让.");
    public static readonly Msg CarrierImportKind = new("carrier_import.kind", "“{text}”不是房源类型:请填 标准厂房 或 办公。", "'{text}' is not a premises kind: enter 标准厂房 or 办公.");
    public static readonly Msg CarrierImportNumber = new("carrier_import.number", "“{text}”不是有效的非负数。", "'{text}' is not a valid number of zero or more.");
    public static readonly Msg CarrierImportWhole = new("carrier_import.whole", "“{text}”不是整数。", "'{text}' is not a whole number.");
    public static readonly Msg CarrierImportTwice = new("carrier_import.twice", "“{key}”在表中出现多次(第 {rows} 行)。", "'{key}' appears more than once in the sheet (rows {rows}).");
    public static readonly Msg CarrierImportSold = new("carrier_import.sold", "该宗地已供给项目,导入不能改变其状态。", "The parcel has been supplied to a project: the import cannot change its status.");
    public static readonly Msg CarrierImportHasErrors = new("carrier_import.has_errors", "有 {count} 行存在错误,未保存任何数据。", "{count} row(s) have errors: nothing was saved.");
}
