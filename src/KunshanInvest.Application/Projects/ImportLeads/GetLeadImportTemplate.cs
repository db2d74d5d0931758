using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace KunshanInvest.Application.Projects.ImportLeads;

/// <summary>The import template: an empty sheet "线索" with the headers, then the active sectors, the sources and how to fill each column.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetLeadImportTemplate : IQuery<LeadImportTemplate>;

public sealed record LeadImportTemplate(string FileName, byte[] Content)
{
    public const string ContentType = Common.Exports.ExportContentTypes.Xlsx;
}

public sealed class GetLeadImportTemplateHandler(IAppDbContext db) : IQueryHandler<GetLeadImportTemplate, LeadImportTemplate>
{
    public async ValueTask<LeadImportTemplate> Handle(GetLeadImportTemplate query, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Code)
            .Select(s => new { s.Code, s.NameZh })
            .ToListAsync(cancellationToken);

        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [LeadImportSheet.SheetName] = Array.Empty<LeadImportTemplateRow>(),
            ["产业链"] = sectors.Select(s => new Dictionary<string, object?> { ["代码"] = s.Code, ["名称"] = s.NameZh }).ToList(),
            ["来源"] = SourceChannels.All.Select(c => new Dictionary<string, object?> { ["中文"] = c.ZhName(), ["英文"] = c.ToString() }).ToList(),
            ["填写说明"] = Guide.Select(g => new Dictionary<string, object?> { ["列"] = g.Column, ["说明"] = g.Help }).ToList(),
        };

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return new LeadImportTemplate("线索导入模板.xlsx", stream.ToArray());
    }

    private static readonly (string Column, string Help)[] Guide =
    [
        (LeadImportColumns.NameZh, "中文名与英文名至少填一个。同名企业(忽略全半角括号、空格和“有限公司”等后缀)视为同一家"),
        (LeadImportColumns.NameEn, "选填"),
        (LeadImportColumns.CreditCode, "选填,18位;填写后优先按信用代码匹配已有企业。请把此列设为“文本”格式"),
        (LeadImportColumns.Country, "两位代码,如 CN、US、DE;不填为 CN"),
        (LeadImportColumns.Sector, "必填:产业链代码或中文名,见“产业链”表"),
        (LeadImportColumns.Source, "必填:" + string.Join("/", SourceChannels.All.Select(c => c.ZhName()))),
        (LeadImportColumns.Investment, "选填,数字,单位为万(按币种)"),
        (LeadImportColumns.Currency, "ISO 4217 代码,如 CNY、USD;不填为 CNY"),
        (LeadImportColumns.ProjectName, "选填;不填为“企业名 投资项目”"),
        (LeadImportColumns.Major, "是/否;不填为否"),
        ("限制", $"仅 .xlsx,不超过 {ImportLeads.MaxBytes / 1024 / 1024} MB、{ImportLeads.MaxRows} 行;第1行为表头,从第2行起每行一条线索"),
    ];
}

/// <summary>The template's header row, in the order of <see cref="LeadImportColumns.All"/>.</summary>
internal sealed class LeadImportTemplateRow
{
    [ExcelColumn(Name = LeadImportColumns.NameZh, Index = 0, Width = 30)]
    public string? NameZh { get; set; }

    [ExcelColumn(Name = LeadImportColumns.NameEn, Index = 1, Width = 30)]
    public string? NameEn { get; set; }

    [ExcelColumn(Name = LeadImportColumns.CreditCode, Index = 2, Width = 22)]
    public string? CreditCode { get; set; }

    [ExcelColumn(Name = LeadImportColumns.Country, Index = 3, Width = 10)]
    public string? Country { get; set; }

    [ExcelColumn(Name = LeadImportColumns.Sector, Index = 4, Width = 14)]
    public string? Sector { get; set; }

    [ExcelColumn(Name = LeadImportColumns.Source, Index = 5, Width = 14)]
    public string? Source { get; set; }

    [ExcelColumn(Name = LeadImportColumns.Investment, Index = 6, Width = 16)]
    public decimal? Investment { get; set; }

    [ExcelColumn(Name = LeadImportColumns.Currency, Index = 7, Width = 8)]
    public string? Currency { get; set; }

    [ExcelColumn(Name = LeadImportColumns.ProjectName, Index = 8, Width = 36)]
    public string? ProjectName { get; set; }

    [ExcelColumn(Name = LeadImportColumns.Major, Index = 9, Width = 10)]
    public string? Major { get; set; }
}
