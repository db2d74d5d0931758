using System.Text;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Projects.ExportProjects;
using MiniExcelLibs;

namespace KunshanInvest.Application.Tests;

/// <summary>One pipeline for every export: the same CSV (BOM, CRLF, quoting) and the same formula-injection rule.</summary>
public sealed class ExportPipelineTests
{
    public static TheoryData<string, string> Formulas => new()
    {
        { "=SUM(A1:A9)", "\"'=SUM(A1:A9)\"" },
        { "+86 512 5555", "\"'+86 512 5555\"" },
        { "-2+3", "\"'-2+3\"" },
        { "@cmd", "\"'@cmd\"" },
        { "\tx", "\"'\tx\"" },
        { "\rx", "\"'\rx\"" },
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public async Task A_text_cell_that_starts_like_a_formula_is_neutralised_the_same_in_typed_and_untyped_exports(string text, string written)
    {
        // Arrange
        var typed = new MemoryStream();
        var untyped = new MemoryStream();

        // Act
        await ExportPipeline.WriteAsync(ExportFormat.Csv, typed, Rows(new ProjectExportRow { Code = "KS-1", Name = text }), "项目", CancellationToken.None);
        await ExportPipeline.WriteSheetsAsync(ExportFormat.Csv, untyped, [new ExportSheet("s", ["名称"], [[text]])], CancellationToken.None);

        // Assert
        Assert.StartsWith("KS-1," + written + ",", Lines(typed)[1], StringComparison.Ordinal);
        Assert.Equal(written, Lines(untyped)[1]);
    }

    [Fact]
    public async Task Numbers_are_not_text_and_stay_as_they_are()
    {
        // Arrange
        var csv = new MemoryStream();

        // Act
        await ExportPipeline.WriteSheetsAsync(ExportFormat.Csv, csv, [new ExportSheet("s", ["a", "b", "c", "d"], [[-5m, -1.5, 3, null]])], CancellationToken.None);

        // Assert
        Assert.Equal("-5,-1.5,3,", Lines(csv)[1]);
    }

    [Fact]
    public async Task Several_sheets_make_one_csv_each_under_its_name_with_a_blank_line_between_and_one_bom()
    {
        // Arrange
        var csv = new MemoryStream();
        ExportSheet[] sheets =
        [
            new("项目漏斗", ["产业链", "项目数"], [["咖啡", 3], ["合计, 全部", 3]]),
            new("月度趋势", ["月份"], []),
        ];

        // Act
        await ExportPipeline.WriteSheetsAsync(ExportFormat.Csv, csv, sheets, CancellationToken.None);

        // Assert
        var bytes = csv.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("项目漏斗\r\n产业链,项目数\r\n咖啡,3\r\n\"合计, 全部\",3\r\n\r\n月度趋势\r\n月份\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task One_sheet_has_no_name_line_and_an_empty_xlsx_sheet_says_it_has_no_data()
    {
        // Arrange
        var csv = new MemoryStream();
        var xlsx = new MemoryStream();
        ExportSheet[] sheets = [new("项目漏斗", ["产业链", "项目数"], [])];

        // Act
        await ExportPipeline.WriteSheetsAsync(ExportFormat.Csv, csv, sheets, CancellationToken.None);
        await ExportPipeline.WriteSheetsAsync(ExportFormat.Xlsx, xlsx, sheets, CancellationToken.None);

        // Assert
        Assert.Equal(["产业链,项目数"], Lines(csv));
        xlsx.Position = 0;
        var row = Assert.Single(MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "项目漏斗", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal("(无数据)", row["产业链"]);
    }

    [Fact]
    public void The_file_name_is_the_stem_and_kunshans_date()
    {
        // Arrange: 2026-06-30 17:00 UTC is already 1 July in Kunshan.
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 30, 17, 0, 0, TimeSpan.Zero));

        // Act / Assert
        Assert.Equal("审计记录-2026-07-01.csv", ExportPipeline.FileName("审计记录", clock, ExportFormat.Csv));
        Assert.Equal("项目清单-2026-07-01.xlsx", ExportPipeline.FileName("项目清单", clock, ExportFormat.Xlsx));
        Assert.Equal("text/csv; charset=utf-8", ExportContentTypes.Of(ExportFormat.Csv));
    }

    private static string[] Lines(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static async IAsyncEnumerable<T> Rows<T>(params T[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
