using System.Globalization;
using CsvHelper;
using FluentValidation;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KunshanInvest.Application.Common.Exports;

/// <summary>
/// How every export (projects, reports, audit) is written. The .xlsx through MiniExcel's synchronous writer, which
/// streams a valid sheet (its async writer puts &lt;drawing&gt; inside &lt;sheetData&gt;, so Excel repairs the file, and its
/// FastMode holds the whole sheet in memory; docs/adr/0005). The .csv through CsvHelper: UTF-8 with a byte order mark
/// (Excel needs it to read Chinese), CRLF, RFC 4180 quoting, and one formula-injection rule, <see cref="CsvOptions"/>.
/// </summary>
internal static class ExportPipeline
{
    /// <summary>
    /// A text cell that starts with = + - @, a tab or a CR is a formula to a spreadsheet (OWASP's list, CsvHelper's
    /// default <c>InjectionCharacters</c>): it gets a leading ' (Excel: "this cell is text") and is quoted. Numbers and
    /// dates are not text and are written as they are, so -5 stays a number.
    /// </summary>
    public static CsvWriterOptions CsvOptions { get; } = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    /// <summary>The suggested file name: the stem and Kunshan's date (UTC+8), e.g. 项目清单-2026-11-27.xlsx.</summary>
    public static string FileName(string stem, TimeProvider clock, ExportFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{stem}-{clock.BureauToday():yyyy-MM-dd}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}");

    /// <summary>The rule every export request has for its destination.</summary>
    public static IRuleBuilderOptions<T, Stream> Writable<T>(this IRuleBuilder<T, Stream> rule) =>
        rule.Must(d => d is { CanWrite: true }).WithMessage("Export needs a writable stream.");

    /// <summary>
    /// Writes typed rows (a <c>[CsvRecord]</c> class whose members also carry MiniExcel's column attributes, so both files
    /// have the same columns) as one sheet or as CSV, enumerating them once; returns how many were written.
    /// </summary>
    public static async Task<int> WriteAsync<T>(ExportFormat format, Stream destination, IAsyncEnumerable<T> rows, string sheetName, CancellationToken cancellationToken)
    {
        var counter = new Counter();
        var counted = counter.Count(rows, cancellationToken);
        if (format == ExportFormat.Csv)
        {
            await using var csv = CsvWriter.Create(destination, CsvOptions, leaveOpen: true);
            await csv.WriteRecordsAsync(counted, cancellationToken);
            await csv.FlushAsync(cancellationToken);
        }
        else
        {
            await Task.Run(() => MiniExcel.SaveAs(destination, counted.ToBlockingEnumerable(cancellationToken), sheetName: sheetName, excelType: ExcelType.XLSX, configuration: XlsxConfiguration()), cancellationToken);
        }

        return counter.Value;
    }

    /// <summary>
    /// Writes untyped sheets: a workbook with a sheet each (an empty one says so in its first cell), or one CSV with
    /// the sheets one after another, each under its name when there are several, a blank line between them.
    /// </summary>
    public static async Task WriteSheetsAsync(ExportFormat format, Stream destination, IReadOnlyList<ExportSheet> sheets, CancellationToken cancellationToken)
    {
        if (format == ExportFormat.Xlsx)
        {
            var workbook = sheets.ToDictionary(
                s => s.Name,
                s => (object)(s.Rows.Count == 0 ? [Row(s.Headers, [.. s.Headers.Select((_, i) => i == 0 ? "(无数据)" : (object?)null)])] : s.Rows.Select(r => Row(s.Headers, r)).ToList()));
            await Task.Run(() => MiniExcel.SaveAs(destination, workbook, excelType: ExcelType.XLSX, configuration: XlsxConfiguration()), cancellationToken);
            return;
        }

        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            if (i > 0)
            {
                // RFC 4180 has no empty record (CsvHelper writes "" for one), so the blank line goes to the stream itself.
                await destination.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }

            // A writer per sheet: the sheets' field counts differ, and only the file's start gets the byte order mark.
            await using var csv = CsvWriter.Create(destination, CsvOptions with { WriteByteOrderMark = i == 0, ValidateFieldCount = false }, leaveOpen: true);
            if (sheets.Count > 1)
            {
                csv.WriteRecord(sheet.Name);
            }

            csv.WriteRecord([.. sheet.Headers]);
            foreach (var row in sheet.Rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value);
                }

                await csv.EndRecordAsync(cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
    }

    // AutoFilter: the header row gets Excel's filter buttons.
    private static OpenXmlConfiguration XlsxConfiguration() => new() { FastMode = false, AutoFilter = true };

    private static Dictionary<string, object?> Row(IReadOnlyList<string> headers, IReadOnlyList<object?> values)
    {
        var row = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            row[headers[i]] = i < values.Count ? values[i] : null;
        }

        return row;
    }

    private sealed class Counter
    {
        public int Value { get; private set; }

        public async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                Value++;
                yield return row;
            }
        }
    }
}
