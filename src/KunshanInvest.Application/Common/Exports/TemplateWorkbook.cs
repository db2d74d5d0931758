using System.Data;
using MiniExcelLibs;

namespace KunshanInvest.Application.Common.Exports;

/// <summary>What every import template writes the same way: header-only data sheets, the 填写说明 sheet, the .xlsx bytes.</summary>
public static class TemplateWorkbook
{
    /// <summary>A sheet with only its header row: MiniExcel writes a table's columns even when it has no rows.</summary>
    public static DataTable HeaderOnly(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new DataTable();
        foreach (var column in columns)
        {
            table.Columns.Add(column, typeof(string));
        }

        return table;
    }

    /// <summary>The 填写说明 sheet: one row per sheet and column with what to enter.</summary>
    public static List<Dictionary<string, object?>> Guide(IEnumerable<(string Sheet, string Column, string Help)> lines) =>
        [.. lines.Select(g => new Dictionary<string, object?> { ["工作表"] = g.Sheet, ["列"] = g.Column, ["说明"] = g.Help })];

    public static byte[] ToXlsx(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
