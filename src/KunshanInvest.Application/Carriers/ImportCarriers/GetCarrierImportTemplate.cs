using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLeads;
using Mediator;
using Microsoft.EntityFrameworkCore;
using C = KunshanInvest.Application.Carriers.ImportCarriers.CarrierColumns;

namespace KunshanInvest.Application.Carriers.ImportCarriers;

/// <summary>The carrier workbook template: sheets 宗地 and 房源 (headers only), 填写说明 for every column, and the parks.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record GetCarrierImportTemplate : IQuery<LeadImportTemplate>;

public sealed class GetCarrierImportTemplateHandler(IAppDbContext db) : IQueryHandler<GetCarrierImportTemplate, LeadImportTemplate>
{
    public const string FileName = "载体导入模板.xlsx";

    public async ValueTask<LeadImportTemplate> Handle(GetCarrierImportTemplate query, CancellationToken cancellationToken)
    {
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameZh, p.NameEn }).ToListAsync(cancellationToken);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [C.ParcelSheet] = TemplateWorkbook.HeaderOnly(C.Parcel),
            [C.PremisesSheet] = TemplateWorkbook.HeaderOnly(C.Premises),
            [C.GuideSheet] = TemplateWorkbook.Guide(Guide),
            [C.ParksSheet] = parks.Select(p => new Dictionary<string, object?> { ["代码"] = p.Code, ["名称"] = p.NameZh, ["英文名"] = p.NameEn }).ToList(),
        };

        return new LeadImportTemplate(FileName, TemplateWorkbook.ToXlsx(sheets));
    }

    private static readonly (string Sheet, string Column, string Help)[] Guide =
    [
        ("(整个工作簿)", "", $"“宗地”与“房源”两张表至少填一张,第1行为表头。仅 .xlsx,不超过 {CarrierWorkbook.MaxBytes / 1024 / 1024} MB、每表 {CarrierWorkbook.MaxRows} 行;不得含公式或合并单元格。预览不保存;任一行有错则全部不保存。"),
        (C.ParcelSheet, C.Code, "必填,最多40字。已有宗地按编号更新,否则新建。同一编号在表中只能出现一次。"),
        (C.ParcelSheet, C.Park, "必填:园区代码、中文名或英文名,见“园区”表。"),
        (C.ParcelSheet, C.AreaMu, "必填,大于0,单位亩。"),
        (C.ParcelSheet, C.Use, "必填:工业/研发/商业。"),
        (C.ParcelSheet, C.Status, "储备/可供/已出让;新宗地不填为“可供”,已有宗地不填则不改。已供给项目的宗地不能改回。"),
        (C.ParcelSheet, C.GuidePrice, "选填,万元/亩。"),
        (C.ParcelSheet, C.Note, "选填,最多1000字。"),
        (C.PremisesSheet, C.Park, "必填:园区代码、中文名或英文名。同一园区同一楼栋只能出现一次;已有的按园区+楼栋更新。"),
        (C.PremisesSheet, C.Building, "必填,最多100字,如“A3栋1-2层”。"),
        (C.PremisesSheet, C.Kind, "必填:标准厂房/办公。"),
        (C.PremisesSheet, C.AreaM2, "必填,大于0,平方米。"),
        (C.PremisesSheet, C.VacantM2, "选填,不超过面积;不填为0。"),
        (C.PremisesSheet, C.FloorLoad, "选填,kN/平方米,大于0且不超过1000。"),
        (C.PremisesSheet, C.Floors, "选填,整数1-200;不填为1。"),
        (C.PremisesSheet, C.Rent, "选填,元/平方米·月。"),
        (C.PremisesSheet, C.Note, "选填,最多1000字。"),
    ];
}
