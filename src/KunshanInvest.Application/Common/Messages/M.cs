namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// The catalogue: every message the application says to a person, with its code. One partial file per feature
/// (M.Projects.cs …), like the UI's <c>T</c>. Codes are stable (clients and stored notices keep them); texts may change.
/// </summary>
public static partial class M
{
    /// <summary>A text from before the catalogue (a stored notice, an unconverted message): shown as written.</summary>
    public static readonly Msg Text = new("text", "{text}", "{text}");

    public static readonly Msg NotFound = new("common.not_found", "未找到{entity}({key})。", "{entity} '{key}' was not found.");
    public static readonly Msg Forbidden = new("common.forbidden", "您无权执行此操作。", "You do not have access to this.");
    public static readonly Msg SignInFirst = new("common.sign_in_first", "请先登录。", "Sign in first.");
    public static readonly Msg IfMatchRequired = new("common.if_match_required", "请在 If-Match 中提供记录的 ETag:修改须注明所改的版本。", "Send the record's ETag in If-Match: edits must say which version they change.");
    public static readonly Msg Changed = new("common.changed", "记录已被他人修改,请刷新后重试。", "The record was changed by someone else: reload it and apply your change again.");
    public static readonly Msg ChangedSinceVersion = new("common.changed_since_version", "该{what}在版本 {version} 之后已被修改(当前版本 {current}),请刷新。", "The {what} has changed since version {version} (now {current}); reload it.");
    public static readonly Msg BadCursor = new("common.bad_cursor", "无效的分页游标。", "Not a cursor this list issued.");
    public static readonly Msg CodeFormat = new("common.code_format", "代码只能包含小写字母、数字和连字符。", "Code may hold lower-case letters, digits and hyphens.");
    public static readonly Msg CodeTaken = new("common.code_taken", "代码“{code}”已被使用。", "The code '{code}' is already in use.");
    public static readonly Msg CountryCode = new("common.country_code", "国家/地区用两位大写代码,如 CN、DE。", "Country is a two-letter code such as CN or DE.");
    public static readonly Msg Required = new("common.required", "必填。", "Required.");
    public static readonly Msg PleaseRetry = new("common.retry", "请重试。", "Please retry.");
    public static readonly Msg EmailInvalid = new("common.email_invalid", "邮箱格式不正确。", "The e-mail address is not valid.");

    public static readonly Msg NoSuchEnterprise = new("ref.no_enterprise", "企业不存在。", "No such enterprise.");
    public static readonly Msg NoSuchSector = new("ref.no_sector", "产业链不存在。", "No such sector.");
    public static readonly Msg NoSuchActiveSector = new("ref.no_active_sector", "产业链不存在或已停用。", "No such active sector.");
    public static readonly Msg NoSuchPark = new("ref.no_park", "载体不存在。", "No such park.");
    public static readonly Msg NoSuchEvent = new("ref.no_event", "活动不存在。", "No such event.");
    public static readonly Msg NoSuchProject = new("ref.no_project", "项目不存在。", "No such project.");
    public static readonly Msg UnknownSectors = new("ref.unknown_sectors", "未知产业链:{ids}", "Unknown sector(s): {ids}");

    /// <summary>The words of a changed record, for <see cref="ChangedSinceVersion"/>.</summary>
    public static class Things
    {
        public static readonly Bilingual Sector = new("产业链", "sector");
        public static readonly Bilingual Park = new("载体", "park");
        public static readonly Bilingual FollowUp = new("任务", "follow-up");

        private static readonly Dictionary<string, Bilingual> Entities = new(StringComparer.Ordinal)
        {
            ["Project"] = new("项目", "Project"),
            ["InvestmentProject"] = new("项目", "Project"),
            ["Enterprise"] = new("企业", "Enterprise"),
            ["Sector"] = new("产业链", "Sector"),
            ["Park"] = new("载体", "Park"),
            ["FollowUp"] = new("跟进任务", "Follow-up"),
            ["PromotionEvent"] = new("活动", "Event"),
            ["Event"] = new("活动", "Event"),
            ["Partner"] = new("合作机构", "Partner"),
            ["PartnerSubmission"] = new("报送", "Submission"),
            ["Submission"] = new("报送", "Submission"),
            ["User"] = new("用户", "User"),
            ["Contact"] = new("联系人", "Contact"),
            ["Interaction"] = new("走访记录", "Interaction"),
            ["Target"] = new("目标", "Target"),
            ["Notification"] = new("通知", "Notification"),
            ["FigureEntry"] = new("实绩", "Figure entry"),
            ["FigureEvidence"] = new("实绩证明材料", "Figure evidence"),
            ["Commitment"] = new("协议承诺", "Commitment"),
            ["Channel"] = new("通知渠道", "Channel"),
            ["ServiceRequest"] = new("企业诉求", "Service request"),
            ["ServiceRequestAttachment"] = new("诉求附件", "Request attachment"),
            ["StaffAttachment"] = new("文件", "File"),
            ["ServiceCategory"] = new("诉求类别", "Service category"),
            ["Department"] = new("办理部门", "Department"),
        };

        /// <summary>An entity's type name as a reader calls it; an unknown one as written.</summary>
        public static Bilingual Entity(string name) => Entities.TryGetValue(name, out var entity) ? entity : new("记录", name);
    }
}
