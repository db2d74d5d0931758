using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Projects.ImportLedger;
using MiniExcelLibs;

namespace KunshanInvest.Application.Carriers.ImportCarriers;

/// <summary>The sheets and columns of the carrier workbook, by their Chinese headers.</summary>
public static class CarrierColumns
{
    public const string ParcelSheet = "宗地";
    public const string PremisesSheet = "房源";
    public const string GuideSheet = "填写说明";
    public const string ParksSheet = "园区";

    public const string Code = "宗地编号";
    public const string Park = "园区";
    public const string AreaMu = "面积(亩)";
    public const string Use = "用途";
    public const string Status = "状态";
    public const string GuidePrice = "指导价(万元/亩)";
    public const string Note = "备注";

    public static IReadOnlyList<string> Parcel { get; } = [Code, Park, AreaMu, Use, Status, GuidePrice, Note];

    public const string Building = "楼栋";
    public const string Kind = "类型";
    public const string AreaM2 = "面积(平方米)";
    public const string VacantM2 = "空置面积(平方米)";
    public const string FloorLoad = "楼面荷载(kN/平方米)";
    public const string Floors = "层数";
    public const string Rent = "租金(元/平方米·月)";

    public static IReadOnlyList<string> Premises { get; } = [Park, Building, Kind, AreaM2, VacantM2, FloorLoad, Floors, Rent, Note];
}

/// <summary>
/// Reads the 宗地 and 房源 sheets after the ledger's own checks (<see cref="LedgerWorkbook"/>: size, zip bomb, formulas,
/// merged cells); either sheet may be absent, not both.
/// </summary>
public static class CarrierWorkbook
{
    public const int MaxBytes = LedgerWorkbook.MaxBytes;
    public const int MaxRows = 2000;

    public static (IReadOnlyList<LedgerCells> Parcels, IReadOnlyList<LedgerCells> Premises) Read(byte[] content)
    {
        LedgerWorkbook.Inspect(content);
        using var stream = new MemoryStream(content, writable: false);
        IReadOnlyList<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LedgerFileException(M.ImportUnreadable);
        }

        var hasParcels = names.Contains(CarrierColumns.ParcelSheet, StringComparer.Ordinal);
        var hasPremises = names.Contains(CarrierColumns.PremisesSheet, StringComparer.Ordinal);
        if (!hasParcels && !hasPremises)
        {
            throw new LedgerFileException(M.CarrierImportNoSheet);
        }

        var parcels = hasParcels ? LedgerWorkbook.ReadSheet(stream, CarrierColumns.ParcelSheet, CarrierColumns.Parcel, [CarrierColumns.Code], MaxRows, null) : [];
        var premises = hasPremises ? LedgerWorkbook.ReadSheet(stream, CarrierColumns.PremisesSheet, CarrierColumns.Premises, [CarrierColumns.Park, CarrierColumns.Building], MaxRows, null) : [];
        if (parcels.Count + premises.Count == 0)
        {
            throw new LedgerFileException(M.CarrierImportNoRows);
        }

        return (parcels, premises);
    }
}
