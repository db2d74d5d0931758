using KunshanInvest.Application.Projects.ImportLedger;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Web.Text;

/// <summary>The ledger (台账) import page and the enterprise alias editor.</summary>
public static partial class T
{
    public static string ImportLedger => P("台账导入", "Import ledger");
    public static string LedgerHint => P(
        "上传按台账模板填写的 .xlsx(最多5000个项目、10MB;不得含公式或合并单元格)。先预览检查每一行;确认导入需管理员,任何一行有误都不会写入。导入的阶段保留台账中的日期,年度实绩直接计入统计。",
        "Upload an .xlsx filled in from the ledger template (up to 5,000 projects, 10 MB; no formulas or merged cells). Preview checks every row; a manager confirms, and nothing is written if any row fails. Stages keep the ledger's dates; yearly figures count at once.");
    public static string LedgerProgressText(LedgerProgress p) => p.Phase switch
    {
        LedgerPhase.Reading => P($"读取中… {p.Done} 行", $"Reading… {p.Done} rows"),
        LedgerPhase.Checking => P($"检查中… {p.Done}/{p.Total} 行", $"Checking… {p.Done}/{p.Total} rows"),
        LedgerPhase.Saving => P($"保存中… {p.Done}/{p.Total} 行", $"Saving… {p.Done}/{p.Total} rows"),
        _ => P("完成", "Done"),
    };
    public static string LedgerSummary(LedgerImportResult r) => P(
        $"共 {r.Rows} 个项目、{r.FigureRows} 行实绩;{r.RowsWithErrors} 行有问题;将新建项目 {r.NewProjects} 个、更新 {r.UpdatedProjects} 个、新建企业 {r.NewEnterprises} 家",
        $"{r.Rows} projects and {r.FigureRows} figure rows; {r.RowsWithErrors} with problems; {r.NewProjects} new projects, {r.UpdatedProjects} updated, {r.NewEnterprises} new enterprises");
    public static string LedgerImported(LedgerImportResult r) => P(
        $"已导入:新建项目 {r.NewProjects} 个、更新 {r.UpdatedProjects} 个、实绩 {r.FiguresImported} 条、节点 {r.MilestonesImported} 个",
        $"Imported: {r.NewProjects} new projects, {r.UpdatedProjects} updated, {r.FiguresImported} figures, {r.MilestonesImported} milestones");
    public static string LedgerTooLarge => P("文件超过 10MB", "The file is larger than 10 MB");
    public static string ManagerConfirms => P("确认导入需由管理员操作。", "A manager confirms the import.");
    public static string LedgerMoreRows(int n) => P($"…另有 {n} 行无问题未列出", $"… and {n} more rows without problems");
    public static string LedgerProject => P("项目", "Project");
    public static string Sheet => P("工作表", "Sheet");
    public static string Matched => P("匹配", "Matched");
    public static string LedgerActionName(LedgerAction? action) => action switch
    {
        LedgerAction.Create => P("新建项目", "New project"),
        LedgerAction.Update => P("更新项目", "Update project"),
        _ => "",
    };
    public static string MatchName(LedgerEnterpriseMatch how) => how switch
    {
        LedgerEnterpriseMatch.CreditCode => P("信用代码", "Credit code"),
        LedgerEnterpriseMatch.Name => P("名称", "Name"),
        LedgerEnterpriseMatch.Alias => P("别名", "Alias"),
        LedgerEnterpriseMatch.New => P("新建企业", "New enterprise"),
        _ => "",
    };

    public static string Aliases => P("别名", "Aliases");
    public static string AliasHint => P("品牌、简称、曾用名、英文名:查重、搜索和台账导入都会按别名匹配(忽略“有限公司”和括号中的地区)。", "Brand, short, former and English names: duplicate checks, search and the ledger import match them (ignoring legal forms and bracketed regions).");
    public static string AliasText => P("别名", "Alias");
    public static string AliasKindLabel => P("类型", "Kind");
    public static string AddAlias => P("添加别名", "Add alias");
    public static string RemoveAlias => P("删除", "Remove");
    public static string NoAliases => P("暂无别名", "No aliases yet");
    public static string AliasKindName(AliasKind kind) => kind switch
    {
        AliasKind.Brand => P("品牌", "Brand"),
        AliasKind.Abbreviation => P("简称", "Abbreviation"),
        AliasKind.Former => P("曾用名", "Former name"),
        AliasKind.English => P("英文名", "English name"),
        _ => kind.ToString(),
    };
}
