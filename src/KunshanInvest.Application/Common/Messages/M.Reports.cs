namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg YearRange = new("report.year_range", "年度须在 2000–2100 之间。", "The year must lie between 2000 and 2100.");
    public static readonly Msg RateCurrency = new("rate.currency", "币种用三位大写代码(人民币无需汇率),如 USD。", "A three-letter currency code other than CNY, such as USD.");
    public static readonly Msg RateValue = new("rate.value", "汇率须在 0.000001 至 10000 之间,最多 6 位小数。", "A rate lies between 0.000001 and 10000 with at most 6 decimals.");
    public static readonly Msg RateExists = new("rate.exists", "{year} 年 {currency} 汇率已存在,请修改原汇率。", "The {year} {currency} rate exists already: revise it instead.");
    public static readonly Msg TargetValue = new("target.value", "目标值须为 0 至 10 万亿(分)之间的整数。", "A target is a whole number from 0 up to 10 trillion (minor units).");
    public static readonly Msg TargetExists = new("target.exists", "该年度、指标和范围的目标已存在,请修改原目标。", "A target for this year, metric and scope exists already: revise it instead.");
    public static readonly Msg NoSuchActiveStaff = new("ref.no_active_staff", "该用户不是在职工作人员。", "No such active staff member.");
    public static readonly Msg ReportName = new("report.name", "报表名称应为 {names} 之一。", "The report is one of {names}.");
    public static readonly Msg NoSuchJob = new("job.no_such", "没有这个任务。", "No such job.");
    public static readonly Msg AuditToAfterFrom = new("audit.to_after_from", "结束时间须晚于开始时间。", "'to' must be after 'from'.");
    public static readonly Msg Currency = new("common.currency", "币种用 ISO 4217 代码,如 CNY、USD。", "Currency is an ISO 4217 code such as CNY or USD.");
    public static readonly Msg AuditMissing = new("audit.break.missing", "第 {from}–{to} 条记录缺失(在记录 id {id} 之前,序号 {sequence})。", "entries {from}–{to} are missing before entry id {id} (sequence {sequence})");
    public static readonly Msg AuditReordered = new("audit.break.reordered", "记录 id {id} 未被修改,但原链接在序号 {original}。", "entry id {id} is intact but was linked at sequence {original}");
    public static readonly Msg AuditAltered = new("audit.break.altered", "记录 id {id} 已被修改:其字段与存储的哈希不符。", "entry id {id} was altered: its fields do not give its stored hash");
    public static readonly Msg AuditBrokenLink = new("audit.break.link", "记录 id {id} 与前一条记录不相接(序号 {previous} 被替换,或锚点被修改)。", "entry id {id} does not follow the entry before it (sequence {previous} was replaced, or the anchor altered)");
    public static readonly Msg AuditTruncated = new("audit.break.truncated", "末尾第 {from}–{to} 条记录缺失:链头记录到 {to}。", "entries {from}–{to} are missing at the end: the chain head records {to}");
    public static readonly Msg AuditHeadMismatch = new("audit.break.head", "最新记录不是链头所记录的那一条。", "the newest entry is not the one the chain head records");
    public static readonly Msg AuditBeyondHead = new("audit.break.beyond", "记录 id {id} 的序号 {sequence} 超出链头的 {head}:它绕过了应用写入。", "entry id {id} carries sequence {sequence} beyond the chain head's {head}: it was written around the application");
    public static readonly Msg AuditUnchained = new("audit.break.unchained", "记录 id {id} 不在链中:它绕过了应用写入。", "entry id {id} is not in the chain: it was written around the application");
    public static readonly Msg AuditIntact = new("audit.verified.intact", "已校验 {rows} 条记录,链完整。", "{rows} rows checked, chain intact");
    public static readonly Msg AuditBroken = new("audit.verified.broken", "已校验 {rows} 条记录,链在序号 {sequence} 处断开:{detail}", "{rows} rows checked, chain broken at sequence {sequence}: {detail}");
}
