namespace KunshanInvest.Application.Common.Exports;

/// <summary>The file an export writes: a workbook for reading and filtering, or CSV for other tools.</summary>
public enum ExportFormat
{
    Xlsx = 0,
    Csv = 1,
}

public static class ExportContentTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv; charset=utf-8";

    public static string Of(ExportFormat format) => format == ExportFormat.Csv ? Csv : Xlsx;
}
