namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg EventNameZh = new("event.name_zh", "请填写活动中文名称。", "Give the event's Chinese name.");
    public static readonly Msg EventNameEn = new("event.name_en", "请填写活动英文名称。", "Give the event's English name.");
    public static readonly Msg EventStart = new("event.start", "请填写开始日期。", "Give the start date.");
    public static readonly Msg EventEndsBeforeStart = new("event.ends_before_start", "结束日期不能早于开始日期。", "An event cannot end before it starts.");
    public static readonly Msg EventAnnouncedProjects = new("event.announced_projects", "发布项目数应为 0 到 100000。", "Announced projects are between 0 and 100,000.");
    public static readonly Msg EventAnnouncedInvestment = new("event.announced_investment", "发布投资额超出范围。", "The announced investment is out of range.");
    public static readonly Msg EventCodeFormat = new("event.code_format", "代码只用字母、数字和连字符,如 coffee-conf-2026。", "The code holds letters, digits and hyphens, e.g. coffee-conf-2026.");
    public static readonly Msg EventCodeTaken = new("event.code_taken", "该活动代码已被使用。", "Another event has this code.");

    public static readonly Msg SigningRows = new("signing.rows", "签约表中有 {count} 处问题。", "{count} problems in the table.");
    public static readonly Msg SigningAtLeastOne = new("signing.at_least_one", "请至少填写一行签约。", "Enter at least one signing.");
    public static readonly Msg SigningTooManyRows = new("signing.too_many_rows", "一次最多 {max} 行。", "At most {max} rows at once.");
    public static readonly Msg SigningEnterpriseOneOf = new("signing.enterprise_one_of", "选择已有企业或填写新企业,二选一。", "Pick an existing enterprise or type a new one (exactly one).");
    public static readonly Msg SigningNewProjectName = new("signing.new_project_name", "新企业还没有项目:请填写新项目名称。", "A new enterprise has no projects yet: name a new project.");
    public static readonly Msg SigningEnterpriseName = new("signing.enterprise_name", "企业需要中文名或英文名。", "An enterprise needs a Chinese or an English name.");
    public static readonly Msg SigningMerged = new("signing.enterprise_merged", "该企业已合并到另一条记录,请选择那一条。", "This enterprise was merged into another record; pick that one.");
    public static readonly Msg SigningCodeExists = new("signing.credit_code_exists", "已有企业使用该统一社会信用代码:{name},请直接选择。", "An enterprise with this credit code exists ({name}); pick it.");
    public static readonly Msg SigningMaybeDuplicate = new("signing.maybe_duplicate", "疑似重复企业:{names}。请选择已有企业,或确认不是同一家 (confirmNotDuplicate)。", "This enterprise may already exist ({names}); pick it, or confirm it is another company (confirmNotDuplicate).");
    public static readonly Msg SigningRowOtherCode = new("signing.row_other_code", "与第 {row} 行的新企业同名,但信用代码不同。", "Same name as the new enterprise of row {row}, but another credit code.");
    public static readonly Msg SigningProjectInRow = new("signing.project_in_row", "该项目已在第 {row} 行。", "This project is already in row {row}.");
    public static readonly Msg SigningOtherEnterprise = new("signing.project_other_enterprise", "该项目属于另一家企业。", "This project belongs to another enterprise.");
    public static readonly Msg SigningSectorInactive = new("signing.sector_inactive", "产业链“{sector}”已停用,不再接收新项目。", "The sector {sector} is inactive and takes no new projects.");
    public static readonly Msg SignedAt = new("signing.note", "签约于 {event}", "Signed at {event}");
    public static readonly Msg AlreadySigned = new("signing.already_signed", "该项目已是签约阶段。", "This project is already signed.");
    public static readonly Msg SigningStageCeremony = new("signing.stage_ceremony", "该项目处于“{stage}”阶段,签约仪式不能改动。", "A project at {stage} cannot be signed at a ceremony.");
    public static readonly Msg SigningStageHere = new("signing.stage_here", "该项目处于“{stage}”阶段,不能在此签约:{reason}", "A project at {stage} cannot be signed here: {reason}");
    public static readonly Msg ProjectSignedAtEvent = new("notice.project_signed", "{code} 已在{event}签约", "{code} was signed at {event}");
}
