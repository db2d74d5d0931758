using System.IO.Compression;
using System.Xml;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Projects.ImportLeads;
using MiniExcelLibs;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>The sheets and columns of the ledger template, by their Chinese headers (ADR 0028).</summary>
public static class LedgerColumns
{
    public const string LedgerSheet = "台账";
    public const string GuideSheet = "填写说明";
    public const string FiguresSheet = "年度实绩";

    public const string Code = "项目编号";
    public const string Name = "项目名称";
    public const string CreditCode = "企业信用代码";
    public const string Enterprise = "企业名称";
    public const string Sector = "产业链";
    public const string Park = "载体";
    public const string Owner = "负责人";
    public const string Source = "来源";
    public const string Investment = "协议投资(万)";
    public const string Currency = "币种";
    public const string LandMu = "协议用地(亩)";
    public const string Output = "承诺年产值(万元)";
    public const string Tax = "承诺年税收(万元)";
    public const string Stage = "当前阶段";
    public const string SignedOn = "签约日期";
    public const string RegisteredOn = "注册日期";
    public const string LandOn = "供地日期";
    public const string ConstructionOn = "开工日期";
    public const string ProductionOn = "投产日期";
    public const string StatisticsMonth = "入库月份";
    public const string CapacityOn = "达产日期";
    public const string CompanyCreditCode = "项目公司信用代码";
    public const string LandSuppliedMu = "供地亩数";
    public const string Parcel = "地块编号";

    public static IReadOnlyList<string> Ledger { get; } =
    [
        Code, Name, CreditCode, Enterprise, Sector, Park, Owner, Source, Investment, Currency, LandMu, Output, Tax, Stage,
        SignedOn, RegisteredOn, LandOn, ConstructionOn, ProductionOn, StatisticsMonth, CapacityOn, CompanyCreditCode, LandSuppliedMu, Parcel,
    ];

    public const string Project = "项目";
    public const string Year = "年份";
    public const string Month = "月份";
    public const string FundsInPlace = "到位资金(万)";
    public const string FundsCurrency = "到位资金币种";
    public const string ForeignCapital = "实际使用外资(万美元)";
    public const string TaxPaid = "税收(万元)";
    public const string Revenue = "主营业务收入(万元)";
    public const string IndustrialOutput = "工业总产值(万元)";
    public const string FixedAssets = "固定资产投资(万元)";
    public const string Jobs = "用工(人)";

    public static IReadOnlyList<string> Figures { get; } =
        [Project, Year, Month, FundsInPlace, FundsCurrency, ForeignCapital, TaxPaid, Revenue, IndustrialOutput, FixedAssets, Jobs];
}

/// <summary>One non-blank data row of a sheet: its row number and its cells by template column (blank is absent).</summary>
public sealed record LedgerCells(int Row, IReadOnlyDictionary<string, object> Cells)
{
    public object? this[string column] => Cells.GetValueOrDefault(column);

    public string? Text(string column) => LeadImportSheet.TextOf(this[column]);
}

/// <summary>The file is not a ledger this import can read: a 400 on the <c>file</c> field, nothing read further.</summary>
public sealed class LedgerFileException(Said said) : Exception(said.ToString())
{
    public Said Said { get; } = said;
}

/// <summary>
/// Reads the two data sheets of a ledger workbook after refusing what a ledger must not hold: more than
/// <see cref="MaxUnpackedBytes"/> unpacked (a zip bomb), formulas (a value Excel computed, which MiniExcel would read as
/// its cached text or not at all) and merged cells (values that hold for several rows only on screen).
/// </summary>
public static class LedgerWorkbook
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const int MaxFigureRows = 5 * MaxRows;

    /// <summary>A real 5,000-row ledger unpacks to some 10 MB; past this the file is refused before any XML is parsed.</summary>
    private const long MaxUnpackedBytes = 128L * 1024 * 1024;
    private const int MaxEntries = 200;

    /// <summary>Blank rows are read too; past this many in a sheet the file is refused whatever they hold.</summary>
    private const int MaxScannedRows = 10 * MaxFigureRows;

    public static (IReadOnlyList<LedgerCells> Ledger, IReadOnlyList<LedgerCells> Figures) Read(byte[] content, IProgress<int>? progress = null)
    {
        Inspect(content);
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

        if (!names.Contains(LedgerColumns.LedgerSheet, StringComparer.Ordinal))
        {
            throw new LedgerFileException(M.LedgerSheetMissing.With(("sheet", LedgerColumns.LedgerSheet)));
        }

        var ledger = ReadSheet(stream, LedgerColumns.LedgerSheet, LedgerColumns.Ledger, [LedgerColumns.Name], MaxRows, progress);
        if (ledger.Count == 0)
        {
            throw new LedgerFileException(M.LedgerNoRows);
        }

        var figures = names.Contains(LedgerColumns.FiguresSheet, StringComparer.Ordinal)
            ? ReadSheet(stream, LedgerColumns.FiguresSheet, LedgerColumns.Figures, [LedgerColumns.Project, LedgerColumns.Year], MaxFigureRows, null)
            : [];
        return (ledger, figures);
    }

    /// <summary>
    /// The zip's directory first (entry count and declared sizes), then each worksheet's XML streamed with a hard cap on
    /// what is inflated, looking for <c>&lt;f&gt;</c> (formula) and <c>&lt;mergeCell&gt;</c> elements.
    /// </summary>
    internal static void Inspect(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new LedgerFileException(M.ImportUnpacksTooLarge);
            }

            var sheetNames = SheetNamesByPart(zip);
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                var sheet = sheetNames.GetValueOrDefault(entry.FullName, entry.Name);
                using var stream = new BoundedStream(entry.Open(), MaxUnpackedBytes);
                using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true });
                string? cell = null;
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    switch (xml.LocalName)
                    {
                        case "c":
                            cell = xml.GetAttribute("r");
                            break;
                        case "f":
                            throw new LedgerFileException(M.LedgerFormula.With(("sheet", sheet), ("cell", cell ?? "?")));
                        case "mergeCell":
                            throw new LedgerFileException(M.LedgerMerged.With(("sheet", sheet), ("range", xml.GetAttribute("ref") ?? "?")));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            throw new LedgerFileException(ex is BoundedStream.TooLargeException ? M.ImportUnpacksTooLarge : M.ImportUnreadable);
        }
    }

    /// <summary>"xl/worksheets/sheet1.xml" → "台账", from workbook.xml and its relationships; parts not named keep their file name.</summary>
    private static Dictionary<string, string> SheetNamesByPart(ZipArchive zip)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
        {
            return names;
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, attributes) in Elements(rels, "Relationship"))
        {
            if (attributes.TryGetValue("Id", out var id) && attributes.TryGetValue("Target", out var target))
            {
                targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }

        foreach (var (element, attributes) in Elements(workbook, "sheet"))
        {
            var rid = attributes.FirstOrDefault(a => a.Key.EndsWith(":id", StringComparison.Ordinal) || a.Key == "id").Value;
            if (rid is not null && attributes.TryGetValue("name", out var name) && targets.TryGetValue(rid, out var part))
            {
                names[part] = name;
            }
        }

        return names;
    }

    private static IEnumerable<(string Element, Dictionary<string, string> Attributes)> Elements(ZipArchiveEntry entry, string localName)
    {
        using var stream = new BoundedStream(entry.Open(), MaxUnpackedBytes);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == localName)
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                while (xml.MoveToNextAttribute())
                {
                    attributes[xml.Name] = xml.Value;
                }

                yield return (xml.LocalName, attributes);
            }
        }
    }

    internal static List<LedgerCells> ReadSheet(MemoryStream stream, string sheet, IReadOnlyList<string> known, IReadOnlyList<string> required, int maxRows, IProgress<int>? progress)
    {
        stream.Position = 0;
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LedgerFileException(M.ImportUnreadable);
        }

        using (rows)
        {
            if (!Next(rows))
            {
                throw new LedgerFileException(M.LedgerMissingColumns.With(("sheet", sheet), ("columns", string.Join("、", required))));
            }

            var columns = Headers(sheet, rows.Current, known, required);
            var result = new List<LedgerCells>();
            var number = 1;
            while (Next(rows))
            {
                number++;
                if (number > MaxScannedRows)
                {
                    throw new LedgerFileException(M.LedgerTooManyRows.With(("max", maxRows)));
                }

                var cells = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var (column, letter) in columns)
                {
                    if (rows.Current.TryGetValue(letter, out var value) && value is not null && !(value is string s && string.IsNullOrWhiteSpace(s)))
                    {
                        cells[column] = value;
                    }
                }

                if (cells.Count == 0)
                {
                    continue;
                }

                if (result.Count == maxRows)
                {
                    throw new LedgerFileException(M.LedgerTooManyRows.With(("max", maxRows)));
                }

                result.Add(new LedgerCells(number, cells));
                if (progress is not null && result.Count % 250 == 0)
                {
                    progress.Report(result.Count);
                }
            }

            return result;
        }
    }

    private static Dictionary<string, string> Headers(string sheet, IDictionary<string, object?> headerRow, IReadOnlyList<string> known, IReadOnlyList<string> required)
    {
        var byNormalized = known.ToDictionary(LeadImportColumns.Normalize, c => c, StringComparer.Ordinal);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, value) in headerRow)
        {
            if (LeadImportSheet.TextOf(value) is not { } text || !byNormalized.TryGetValue(LeadImportColumns.Normalize(text), out var column))
            {
                continue;
            }

            if (!columns.TryAdd(column, letter))
            {
                throw new LedgerFileException(M.LedgerHeaderTwice.With(("sheet", sheet), ("column", column)));
            }
        }

        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new LedgerFileException(M.LedgerMissingColumns.With(("sheet", sheet), ("columns", string.Join("、", missing))));
        }

        return columns;
    }

    private static bool Next(IEnumerator<IDictionary<string, object?>> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LedgerFileException(M.ImportUnreadable);
        }
    }

    /// <summary>A read-only stream that fails once more than its limit has been inflated: declared sizes can lie.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            return _read > limit ? throw new TooLargeException() : n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        internal sealed class TooLargeException : IOException;
    }
}
