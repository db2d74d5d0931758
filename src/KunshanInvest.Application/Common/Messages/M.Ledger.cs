namespace KunshanInvest.Application.Common.Messages;

/// <summary>The ledger (台账) import and enterprise aliases: what the rules and the handlers say.</summary>
public static partial class M
{
    public static readonly Msg AliasKind = new("alias.kind", "未知的别名类型。", "Unknown alias kind.");
    public static readonly Msg AliasText = new("alias.text", "别名须为1至200个字符,且含文字或数字。", "An alias needs 1 to 200 characters, with letters or digits.");
    public static readonly Msg AliasExists = new("alias.exists", "该企业已有这个别名。", "The enterprise already has this alias.");
    public static readonly Msg AliasTaken = new("alias.taken", "该名称已指向另一家企业:{name}。", "This name already belongs to another enterprise: {name}.");

    public static readonly Msg LedgerStageSideState = new("ledger.stage_side_state", "项目处于搁置或流失状态,台账导入不能改变其阶段。", "The project is on hold or lost: the ledger import cannot move it.");
    public static readonly Msg LedgerStageOrder = new("ledger.stage_order", "导入的阶段须按阶段和日期顺序前进,且不能是未来日期。", "Imported stages must go forward in stage and date order, and not into the future.");

    public static readonly Msg LedgerTooLarge = new("ledger.too_large", "台账文件不能超过 {mb} MB。", "The ledger file may be at most {mb} MB.");
    public static readonly Msg LedgerFormula = new("ledger.formula", "工作表“{sheet}”的 {cell} 含公式:请把公式粘贴为数值后再导入。", "Sheet '{sheet}' has a formula in {cell}: paste formulas as values before importing.");
    public static readonly Msg LedgerMerged = new("ledger.merged", "工作表“{sheet}”含合并单元格({range}):请取消合并,每行填写完整。", "Sheet '{sheet}' has merged cells ({range}): unmerge them and fill every row.");
    public static readonly Msg LedgerSheetMissing = new("ledger.sheet_missing", "找不到工作表“{sheet}”,请使用台账模板。", "No sheet '{sheet}': use the ledger template.");
    public static readonly Msg LedgerMissingColumns = new("ledger.missing_columns", "工作表“{sheet}”缺少列:{columns}", "Sheet '{sheet}' lacks the column(s): {columns}");
    public static readonly Msg LedgerHeaderTwice = new("ledger.header_twice", "工作表“{sheet}”的列“{column}”出现了两次。", "Sheet '{sheet}' has the column '{column}' twice.");
    public static readonly Msg LedgerTooManyRows = new("ledger.too_many_rows", "一次最多导入 {max} 行。", "At most {max} rows can be imported at once.");
    public static readonly Msg LedgerNoRows = new("ledger.no_rows", "台账中没有数据行。", "The ledger has no data rows.");
    public static readonly Msg LedgerHasErrors = new("ledger.has_errors", "有 {count} 行存在错误,未保存任何数据。", "{count} row(s) have errors: nothing was saved.");

    public static readonly Msg LedgerCodeDuplicate = new("ledger.code_duplicate", "项目编号 {code} 在表中出现多次(第 {rows} 行)。", "Project code {code} appears more than once in the sheet (rows {rows}).");
    public static readonly Msg LedgerCodeTooLong = new("ledger.code_too_long", "项目编号不能超过 {max} 个字符。", "A project code may have at most {max} characters.");
    public static readonly Msg LedgerNameRequired = new("ledger.name_required", "请填写项目名称。", "Enter the project name.");
    public static readonly Msg LedgerNameDuplicate = new("ledger.name_duplicate", "同一企业的项目“{name}”在表中出现多次(第 {rows} 行)。", "Project '{name}' of the same enterprise appears more than once (rows {rows}).");
    public static readonly Msg LedgerTextTooLong = new("ledger.text_too_long", "内容过长(最多 {max} 个字符)。", "Too long (at most {max} characters).");
    public static readonly Msg LedgerEnterpriseRequired = new("ledger.enterprise_required", "请填写企业信用代码或企业名称。", "Enter the enterprise's credit code or name.");
    public static readonly Msg LedgerCreditCode = new("ledger.credit_code", "“{code}”不是有效的统一社会信用代码。", "'{code}' is not a valid unified social credit code.");
    public static readonly Msg LedgerEnterpriseSeveral = new("ledger.enterprise_several", "名称同时匹配多家企业:{names},请填写信用代码。", "The name matches several enterprises: {names}; enter the credit code.");
    public static readonly Msg LedgerEnterpriseOtherCode = new("ledger.enterprise_other_code", "名称匹配的企业“{name}”信用代码为 {code},与本行不同。", "The enterprise named, {name}, has credit code {code}, not this row's.");
    public static readonly Msg LedgerSectorUnknown = new("ledger.sector_unknown", "未知产业链“{text}”(填代码或中文名,见“产业链”表)。", "Unknown sector '{text}' (a code or Chinese name from the sheet 产业链).");
    public static readonly Msg LedgerParkUnknown = new("ledger.park_unknown", "未知载体“{text}”(填代码或中文名,见“载体”表)。", "Unknown park '{text}' (a code or Chinese name from the sheet 载体).");
    public static readonly Msg LedgerOwnerUnknown = new("ledger.owner_unknown", "“{text}”不是启用的招商人员用户名。", "'{text}' is not the user name of an active staff member.");
    public static readonly Msg LedgerSourceUnknown = new("ledger.source_unknown", "未知来源“{text}”,可填:{labels}", "Unknown source '{text}'; use one of {labels}");
    public static readonly Msg LedgerStageUnknown = new("ledger.stage_unknown", "未知阶段“{text}”,可填:{labels}", "Unknown stage '{text}'; use one of {labels}");
    public static readonly Msg LedgerNumber = new("ledger.number", "“{text}”不是有效的非负数。", "'{text}' is not a valid number of zero or more.");
    public static readonly Msg LedgerCurrency = new("ledger.currency", "不支持的币种“{text}”。", "Unsupported currency '{text}'.");
    public static readonly Msg LedgerNoRate = new("ledger.no_rate", "{year} 年没有 {currency} 的汇率,请先由管理员维护汇率。", "There is no {currency} rate for {year}: an admin must set it first.");
    public static readonly Msg LedgerDate = new("ledger.date", "“{text}”不是日期(yyyy-MM-dd)。", "'{text}' is not a date (yyyy-MM-dd).");
    public static readonly Msg LedgerMonth = new("ledger.month", "“{text}”不是月份(yyyy-MM)。", "'{text}' is not a month (yyyy-MM).");
    public static readonly Msg LedgerDateFuture = new("ledger.date_future", "{date} 是未来日期。", "{date} is in the future.");
    public static readonly Msg LedgerDateOrder = new("ledger.date_order", "{later}({laterDate})早于{earlier}({earlierDate})。", "{later} ({laterDate}) is before {earlier} ({earlierDate}).");
    public static readonly Msg LedgerDateMissing = new("ledger.date_missing", "阶段“{stage}”需要填写{column}。", "Stage {stage} needs {column}.");
    public static readonly Msg LedgerDateBeyondStage = new("ledger.date_beyond_stage", "填写了{column},但当前阶段只到“{stage}”。", "{column} is filled in, but the stage is only {stage}.");
    public static readonly Msg LedgerStageNeeds = new("ledger.stage_needs", "阶段“{stage}”需要{what}。", "Stage {stage} needs {what}.");
    public static readonly Msg LedgerStageBackward = new("ledger.stage_backward", "系统中该项目已在“{current}”,台账不能把它退回到“{stage}”。", "The project is already at {current}: the ledger cannot move it back to {stage}.");
    public static readonly Msg LedgerFigureProject = new("ledger.figure_project", "找不到项目“{text}”:须为“台账”表中的项目编号或项目名称。", "No project '{text}': use a project code or name from the sheet 台账.");
    public static readonly Msg LedgerFigureYear = new("ledger.figure_year", "“{text}”不是有效年份({min} 年起)。", "'{text}' is not a year (from {min}).");
    public static readonly Msg LedgerFigureMonth = new("ledger.figure_month", "“{text}”不是 1 到 12 的月份。", "'{text}' is not a month from 1 to 12.");
    public static readonly Msg LedgerFigureFuture = new("ledger.figure_future", "{period} 尚未开始;本年数据请填写月份(截至该月)。", "{period} has not begun; for this year give the month the figures run to.");
    public static readonly Msg LedgerFigureDuplicate = new("ledger.figure_duplicate", "项目 {project} 的 {period} 在表中出现多次(第 {rows} 行)。", "Project {project} has {period} more than once in the sheet (rows {rows}).");
    public static readonly Msg LedgerFigureEmpty = new("ledger.figure_empty", "该行没有任何数值。", "The row has no figures.");
    public static readonly Msg LedgerFigureRange = new("ledger.figure_range", "数值过大。", "The value is too large.");
}
