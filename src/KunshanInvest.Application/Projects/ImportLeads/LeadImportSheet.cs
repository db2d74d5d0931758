using System.Globalization;
using System.Text;
using MiniExcelLibs;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Projects.ImportLeads;

/// <summary>The columns of the lead import template, by their Chinese headers.</summary>
internal static class LeadImportColumns
{
    public const string NameZh = "企业中文名";
    public const string NameEn = "企业英文名";
    public const string CreditCode = "统一社会信用代码";
    public const string Country = "国家地区";
    public const string Sector = "产业链";
    public const string Source = "来源";
    public const string Investment = "预计投资(万元)";
    public const string Currency = "币种";
    public const string ProjectName = "项目名称";
    public const string Major = "重大项目";

    public static IReadOnlyList<string> All { get; } = [NameZh, NameEn, CreditCode, Country, Sector, Source, Investment, Currency, ProjectName, Major];

    /// <summary>Folds what officers retype differently: full-width brackets and letters (NFKC) and any spaces.</summary>
    public static string Normalize(string header) =>
        string.Concat(header.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>One non-blank data row of the sheet as typed: text trimmed (empty is null), the amount and the flag as the cell held them.</summary>
internal sealed record LeadImportRow(
    int Row,
    string? NameZh,
    string? NameEn,
    string? CreditCode,
    string? Country,
    string? Sector,
    string? Source,
    object? Investment,
    string? Currency,
    string? ProjectName,
    object? Major);

/// <summary>The file is not a lead sheet this import can read (400 on the <c>file</c> field).</summary>
internal sealed class LeadImportFileException(Said said) : Exception(said.ToString())
{
    public Said Said { get; } = said;
}

/// <summary>
/// Reads the sheet 线索 of an .xlsx (else its first sheet): row 1 the headers, each later non-blank row a lead, streaming
/// row by row.
/// </summary>
internal static class LeadImportSheet
{
    public const string SheetName = "线索";

    /// <summary>Blank rows between data rows are read too; past this many rows in all the file is refused, whatever they hold.</summary>
    private const int MaxScannedRows = 50 * ImportLeads.MaxRows;

    /// <summary>
    /// The 5 MB limit is on the compressed file; a crafted one can unpack a thousandfold. A real 2,000-row sheet
    /// unpacks to a few MB, so anything past these bounds is refused before any XML is read.
    /// </summary>
    private const long MaxUnpackedBytes = 64L * 1024 * 1024;
    private const int MaxEntries = 200;

    public static IReadOnlyList<LeadImportRow> Read(byte[] content)
    {
        RefuseZipBombs(content);
        using var stream = new MemoryStream(content, writable: false);
        using var rows = Open(stream);

        if (!Next(rows))
        {
            throw new LeadImportFileException(M.ImportSheetEmpty);
        }

        var columns = Headers(rows.Current);
        var leads = new List<LeadImportRow>();
        var number = 1;
        while (Next(rows))
        {
            number++;
            if (number > MaxScannedRows)
            {
                throw TooManyRows();
            }

            var cells = rows.Current;
            object? Cell(string column) => columns.TryGetValue(column, out var letter) && cells.TryGetValue(letter, out var value) ? Blank(value) : null;
            string? Text(string column) => TextOf(Cell(column));

            if (columns.Values.All(letter => Blank(cells.TryGetValue(letter, out var value) ? value : null) is null))
            {
                continue;
            }

            if (leads.Count == ImportLeads.MaxRows)
            {
                throw TooManyRows();
            }

            leads.Add(new LeadImportRow(
                number,
                Text(LeadImportColumns.NameZh),
                Text(LeadImportColumns.NameEn),
                Text(LeadImportColumns.CreditCode),
                Text(LeadImportColumns.Country),
                Text(LeadImportColumns.Sector),
                Text(LeadImportColumns.Source),
                Cell(LeadImportColumns.Investment),
                Text(LeadImportColumns.Currency),
                Text(LeadImportColumns.ProjectName),
                Cell(LeadImportColumns.Major)));
        }

        if (leads.Count == 0)
        {
            throw new LeadImportFileException(M.ImportNoRows);
        }

        return leads;
    }

    /// <summary>Text of a cell: numbers without exponent or grouping (a code typed as a number), dates as yyyy-MM-dd.</summary>
    public static string? TextOf(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } trimmed ? trimmed : null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e21 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Maps each template header to its column letter; columns not in the template are ignored.</summary>
    private static Dictionary<string, string> Headers(IDictionary<string, object?> headerRow)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = LeadImportColumns.All.ToDictionary(LeadImportColumns.Normalize, c => c, StringComparer.Ordinal);
        foreach (var (letter, value) in headerRow)
        {
            if (TextOf(value) is not { } text || !known.TryGetValue(LeadImportColumns.Normalize(text), out var column))
            {
                continue;
            }

            if (!columns.TryAdd(column, letter))
            {
                throw new LeadImportFileException(M.ImportHeaderTwice.With(("column", column)));
            }
        }

        var missing = new List<string>();
        if (!columns.ContainsKey(LeadImportColumns.NameZh) && !columns.ContainsKey(LeadImportColumns.NameEn))
        {
            missing.Add($"{LeadImportColumns.NameZh}或{LeadImportColumns.NameEn}");
        }

        missing.AddRange(new[] { LeadImportColumns.Sector, LeadImportColumns.Source }.Where(c => !columns.ContainsKey(c)));
        if (missing.Count > 0)
        {
            throw new LeadImportFileException(M.ImportMissingColumns.With(("columns", string.Join("、", missing))));
        }

        return columns;
    }

    private static object? Blank(object? value) => value is string s && string.IsNullOrWhiteSpace(s) ? null : value;

    private static void RefuseZipBombs(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new LeadImportFileException(M.ImportUnpacksTooLarge);
            }
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
    }

    private static LeadImportFileException TooManyRows() =>
        new(M.ImportTooManyRows.With(("max", ImportLeads.MaxRows)));

    private static LeadImportFileException Unreadable() =>
        new(M.ImportUnreadable);

    // MiniExcel reads lazily: a damaged or foreign file fails on the first row or mid-sheet, with whatever the zip or
    // XML layer throws. Any such failure is the file's fault, so it becomes one 400 rather than a 500.
    private static IEnumerator<IDictionary<string, object?>> Open(Stream stream)
    {
        try
        {
            var sheet = MiniExcel.GetSheetNames(stream).Contains(SheetName, StringComparer.Ordinal) ? SheetName : null;
            stream.Position = 0;
            return MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unreadable();
        }
    }

    private static bool Next(IEnumerator<IDictionary<string, object?>> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unreadable();
        }
    }
}
