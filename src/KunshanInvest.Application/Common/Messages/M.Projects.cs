namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg OnlyManagerReassigns = new("project.only_manager_reassigns", "只有领导可以调整项目负责人。", "Only a manager may reassign a project.");
    public static readonly Msg OwnerMustBeStaff = new("project.owner_not_staff", "负责人须为在岗的招商专员或领导。", "The owner must be an active officer or manager.");
    public static readonly Msg ExpansionSameEnterprise = new("project.expansion_same_enterprise", "增资扩产须关联同一企业的已有项目。", "An expansion must link an earlier project of the same enterprise.");
    public static readonly Msg OnlyOwnerOrManager = new("project.only_owner_or_manager", "只有项目负责人或领导可以修改此项目。", "Only the project's owner or a manager may change it.");

    public static readonly Msg GateEnterprise = new("gate.signed.enterprise", "签约需要关联企业。", "Signing needs the enterprise.");
    public static readonly Msg GateSector = new("gate.signed.sector", "签约需要产业链。", "Signing needs the sector.");
    public static readonly Msg GatePark = new("gate.signed.park", "签约需要落地载体。", "Signing needs the park.");
    public static readonly Msg GatePledged = new("gate.signed.pledged_investment", "签约需要协议投资额。", "Signing needs the pledged investment.");
    public static readonly Msg GateCreditCode = new("gate.registered.credit_code", "注册需要项目公司统一社会信用代码。", "Registration needs the project company's credit code.");
    public static readonly Msg GateLand = new("gate.land_secured.land_mu", "供地需要在供地节点上填写用地面积(亩)。", "Land supply needs the land area in mu on the land-supply milestone.");
    public static readonly Msg GateAboveScale = new("gate.above_scale.revenue", "上规需要截至入库月份的12个月内经核实的主营业务收入达到该企业统计类型的规上标准。", "Above-scale needs verified main-business revenue over the 12 months to the statistics month at the threshold of the enterprise's statistics type.");
    public static readonly Msg StageGate = new("stage.gate", "进入“{stage}”阶段还缺少:{fields}", "Stage {stage} needs: {fields}");

    public static readonly Msg LeadConflictTitle = new("notice.lead_conflict", "{enterprise} 有新线索 {code}", "New lead {code} for {enterprise}");
    public static readonly Msg LeadConflictBody = new("notice.lead_conflict.body", "该企业已有您负责的在谈项目 {yours}。请与新线索负责人协调。", "You own the open project {yours} of this enterprise: agree with the new lead's owner.");
    public static readonly Msg LeadConflictOwnerTitle = new("notice.lead_conflict_owner", "{enterprise} 已有其他专员的在谈项目", "{enterprise} already has open projects of other officers");

    public static readonly Msg ImportUpload = new("import.upload", "请上传 .xlsx 文件。", "Upload an .xlsx file.");
    public static readonly Msg ImportUploadField = new("import.upload_field", "请上传 .xlsx 文件(表单字段 file)。", "Upload an .xlsx file in the form field 'file'.");
    public static readonly Msg ImportTooLarge = new("import.too_large", "文件不能超过 {mb} MB。", "The file may be at most {mb} MB.");
    public static readonly Msg ImportNotXlsx = new("import.not_xlsx", "只接受 Excel 工作簿(.xlsx)。", "Only Excel workbooks (.xlsx) are accepted.");
    public static readonly Msg ImportXlsxOnly = new("import.xlsx_only", "只接受 .xlsx 文件。", "Only .xlsx files are accepted.");
    public static readonly Msg ImportSeveralMatch = new("import.several_match", "匹配到多家已有企业:{names}。请填写统一社会信用代码以区分。", "Several existing enterprises match ({names}); give the credit code to tell which.");
    public static readonly Msg ImportNameOtherCode = new("import.name_other_code", "已有同名企业“{name}”,但信用代码不同({code})。", "An enterprise of this name ({name}) exists with another credit code ({code}).");
    public static readonly Msg ImportSeveralRows = new("import.several_rows", "与第{rows}行的不同企业都相符。", "Matches the new enterprises of rows {rows}.");
    public static readonly Msg ImportRowOtherCode = new("import.row_other_code", "与第{row}行企业同名,但信用代码不同。", "Same name as the enterprise of row {row}, but another credit code.");
    public static readonly Msg ImportNameTooLong = new("import.name_too_long", "项目名称最长{max}字。", "At most {max} characters.");
    public static readonly Msg ImportSectorRequired = new("import.sector_required", "请填写产业链(代码或中文名)。", "Fill in the sector (code or Chinese name).");
    public static readonly Msg ImportSectorUnknown = new("import.sector_unknown", "未知产业链“{text}”,请填写产业链代码或中文名。", "Unknown sector '{text}': use a sector code or Chinese name.");
    public static readonly Msg ImportSectorInactive = new("import.sector_inactive", "产业链“{sector}”已停用,不再接收新线索。", "The sector {sector} is inactive and takes no new leads.");
    public static readonly Msg ImportSourceRequired = new("import.source_required", "请填写来源:{labels}", "Fill in the source: {labels}");
    public static readonly Msg ImportSourceUnknown = new("import.source_unknown", "未知来源“{text}”,应为 {labels}", "Unknown source '{text}': one of {labels}");
    public static readonly Msg ImportCurrency = new("import.currency", "币种用 ISO 4217 代码,如 CNY、USD。", "Currency is an ISO 4217 code such as CNY or USD.");
    public static readonly Msg ImportInvestmentNumber = new("import.investment_number", "预计投资应为数字(万元)。", "The estimated investment is a number, in 万 (10⁴) of the currency.");
    public static readonly Msg ImportInvestmentRange = new("import.investment_range", "预计投资超出范围。", "The amount is out of range.");
    public static readonly Msg ImportMajor = new("import.major", "重大项目填“是”或“否”。", "Write 是 (yes) or 否 (no).");
    public static readonly Msg ImportSheetEmpty = new("import.sheet_empty", "工作表是空的:第1行应为表头。", "The sheet is empty: row 1 must hold the headers.");
    public static readonly Msg ImportNoRows = new("import.no_rows", "表中没有数据行。", "The sheet holds headers but no leads.");
    public static readonly Msg ImportHeaderTwice = new("import.header_twice", "表头“{column}”出现了两次。", "The header {column} appears twice.");
    public static readonly Msg ImportMissingColumns = new("import.missing_columns", "缺少列:{columns}。请使用导入模板,第1行为表头。", "Missing columns: {columns}. Use the import template, with the headers in row 1.");
    public static readonly Msg ImportUnpacksTooLarge = new("import.unpacks_too_large", "文件解压后过大。", "The workbook unpacks to more than a lead sheet can hold.");
    public static readonly Msg ImportTooManyRows = new("import.too_many_rows", "一次最多导入{max}行。", "At most {max} rows per file.");
    public static readonly Msg ImportUnreadable = new("import.unreadable", "无法读取该文件,请上传 Excel 工作簿(.xlsx)。", "The file could not be read as an Excel workbook (.xlsx).");
    public static readonly Msg LeadEnterpriseOneOf = new("lead.enterprise_one_of", "选择已有企业或填写新企业,二选一。", "Pick an existing enterprise or type a new one (exactly one).");
    public static readonly Msg ChooseSector = new("lead.sector_required", "请选择产业链。", "Choose the sector.");
    public static readonly Msg LeadEnterpriseMerged = new("lead.enterprise_merged", "该企业已合并到另一条记录。", "This enterprise was merged into another record; pick that one.");
    public static readonly Msg SectorInactive = new("lead.sector_inactive", "该产业链已停用,不再接收新线索。", "This sector is inactive and takes no new leads.");
    public static readonly Msg OnlyManagerAssignsLead = new("lead.only_manager_assigns", "只有领导可以把线索分派给他人。", "Only a manager may assign a lead to someone else.");
    public static readonly Msg LeadConflictList = new("notice.lead_conflict_owner.body", "在谈项目:{projects}", "Open projects: {projects}");
    public static readonly Msg OwnerFilter = new("project.owner_filter", "owner 为 me 或用户 ID。", "owner is 'me' or a user id.");
}
