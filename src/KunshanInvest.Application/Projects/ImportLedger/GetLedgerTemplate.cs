using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.ImportLeads;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using C = KunshanInvest.Application.Projects.ImportLedger.LedgerColumns;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>
/// The ledger template: the sheet 台账 (one row per project), the sheet 填写说明 explaining every column of both data
/// sheets, the sheet 年度实绩 (one row per project and year), and the active sectors, the parks and the stages to pick from.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetLedgerTemplate : IQuery<LeadImportTemplate>;

public sealed class GetLedgerTemplateHandler(IAppDbContext db) : IQueryHandler<GetLedgerTemplate, LeadImportTemplate>
{
    public const string FileName = "台账导入模板.xlsx";

    public async ValueTask<LeadImportTemplate> Handle(GetLedgerTemplate query, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => new { s.Code, s.NameZh }).ToListAsync(cancellationToken);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameZh }).ToListAsync(cancellationToken);

        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [C.LedgerSheet] = TemplateWorkbook.HeaderOnly(C.Ledger),
            [C.GuideSheet] = TemplateWorkbook.Guide(Guide),
            [C.FiguresSheet] = TemplateWorkbook.HeaderOnly(C.Figures),
            ["产业链"] = sectors.Select(s => new Dictionary<string, object?> { ["代码"] = s.Code, ["名称"] = s.NameZh }).ToList(),
            ["载体"] = parks.Select(p => new Dictionary<string, object?> { ["代码"] = p.Code, ["名称"] = p.NameZh }).ToList(),
            ["阶段"] = ProjectStages.Pipeline.Select(s => new Dictionary<string, object?> { ["中文"] = s.ZhName(), ["英文"] = s.ToString() }).ToList(),
        };

        return new LeadImportTemplate(FileName, TemplateWorkbook.ToXlsx(sheets));
    }

    private static readonly (string Sheet, string Column, string Help)[] Guide =
    [
        (C.LedgerSheet, "(整表)", $"每行一个项目,第1行为表头。仅 .xlsx,不超过 {LedgerWorkbook.MaxBytes / 1024 / 1024} MB、{LedgerWorkbook.MaxRows} 行;不得含公式或合并单元格(请“粘贴为数值”、取消合并)。预览不保存;确认导入需管理员,任一行有错则全部不保存。"),
        (C.LedgerSheet, C.Code, "选填。已有项目按编号更新;新编号按该编号新建;不填时按“企业信用代码+项目名称”匹配已有项目,否则新建并自动编号。同一编号在表中只能出现一次。"),
        (C.LedgerSheet, C.Name, "必填,最多200字。"),
        (C.LedgerSheet, C.CreditCode, "18位统一社会信用代码,优先按它匹配企业。请把此列设为“文本”格式。"),
        (C.LedgerSheet, C.Enterprise, "无信用代码或未匹配时按名称匹配:忽略全半角括号中的地区(如（中国）（昆山）)、“有限公司”等后缀,并匹配企业别名(品牌、简称、曾用名、英文名)。都未匹配则新建企业。"),
        (C.LedgerSheet, C.Sector, "产业链代码或中文名,见“产业链”表;签约及以后阶段必填。"),
        (C.LedgerSheet, C.Park, "载体代码或中文名,见“载体”表;签约及以后阶段必填。"),
        (C.LedgerSheet, C.Owner, "负责人的系统用户名;不填为确认导入的管理员。"),
        (C.LedgerSheet, C.Source, "选填:" + string.Join("/", SourceChannels.All.Select(c => c.ZhName())) + ";不填的新项目记为“上门”。"),
        (C.LedgerSheet, C.Investment, "协议投资额,单位为万(按币种);签约及以后阶段必填且大于0。"),
        (C.LedgerSheet, C.Currency, "ISO 4217 代码,如 CNY、USD;不填为 CNY。外币须有签约当年的汇率(管理员维护)。"),
        (C.LedgerSheet, C.LandMu, "协议用地,亩;供地阶段必填(或填“供地亩数”)。"),
        (C.LedgerSheet, C.Output, "达产后承诺年产值,万元。"),
        (C.LedgerSheet, C.Tax, "达产后承诺年税收,万元。"),
        (C.LedgerSheet, C.Stage, "线索/接洽/洽谈/签约/注册/供地/开工/投产/上规/达产,见“阶段”表。已有项目不会被退回;不填则不改阶段。"),
        (C.LedgerSheet, C.SignedOn, "yyyy-MM-dd。当前阶段及之前的每个阶段都须有日期(供地可跳过,如租赁厂房);日期须按阶段先后,不能是未来日期;未到的阶段不能填日期。导入后阶段变更按这些日期记录。"),
        (C.LedgerSheet, C.RegisteredOn, "注册(项目公司设立)日期,yyyy-MM-dd;生成“注册”节点。"),
        (C.LedgerSheet, C.LandOn, "供地日期;生成“供地”节点(含供地亩数、地块编号)。"),
        (C.LedgerSheet, C.ConstructionOn, "开工日期;生成“开工”节点。"),
        (C.LedgerSheet, C.ProductionOn, "投产日期;生成“投产”节点。"),
        (C.LedgerSheet, C.StatisticsMonth, "入库(纳入规上统计)月份,yyyy-MM;对应“上规”阶段,生成“入库”节点。"),
        (C.LedgerSheet, C.CapacityOn, "达产日期;生成“达产”节点。"),
        (C.LedgerSheet, C.CompanyCreditCode, "项目公司的信用代码;注册及以后阶段必填(不填时用企业信用代码)。"),
        (C.LedgerSheet, C.LandSuppliedMu, "实际供地亩数(供地节点)。"),
        (C.LedgerSheet, C.Parcel, "宗地编号或厂房地址(供地节点),最多100字。"),
        (C.FiguresSheet, "(整表)", "每行一个项目的一年:年度合计记入该年12月(备注“台账导入:yyyy 年全年”);填了月份则记入该月(截至该月累计,本年数据须填月份)。导入的实绩由确认导入的管理员核验,立即计入统计。同一项目同一月份已有相同数值时不重复导入,数值不同时新数据取代旧数据。"),
        (C.FiguresSheet, C.Project, "必填:“台账”表中的项目编号,或(无编号时)项目名称。"),
        (C.FiguresSheet, C.Year, "必填,四位年份,不能是未来年份。"),
        (C.FiguresSheet, C.Month, "选填,1-12;不填为全年(12月)。"),
        (C.FiguresSheet, C.FundsInPlace, "到位资金,万(按“到位资金币种”)。"),
        (C.FiguresSheet, C.FundsCurrency, "不填为 CNY;外币须有该年汇率,否则该行报错。"),
        (C.FiguresSheet, C.ForeignCapital, "实际使用外资,万美元。"),
        (C.FiguresSheet, C.TaxPaid, "税收,万元。"),
        (C.FiguresSheet, C.Revenue, "主营业务收入,万元(上规依据)。"),
        (C.FiguresSheet, C.IndustrialOutput, "工业总产值,万元(达产依据)。"),
        (C.FiguresSheet, C.FixedAssets, "固定资产投资完成额,万元。"),
        (C.FiguresSheet, C.Jobs, "年末(或该月)用工人数,整数。"),
    ];
}
