using System.Globalization;

namespace KunshanInvest.Web.Text;

/// <summary>
/// The UI's words, Chinese first with an English switch. Kept as code rather than .resx so a missing
/// translation is a compile error, not a blank label. One partial file per feature (T.Projects.cs …).
/// </summary>
public static partial class T
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    internal static string P(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>A name kept in both languages (sector, park, event, enterprise) in the page's language, else the other.</summary>
    public static string Named(string? zh, string? en) =>
        (IsEnglish ? (string.IsNullOrWhiteSpace(en) ? zh : en) : (string.IsNullOrWhiteSpace(zh) ? en : zh)) ?? "";

    public static string AppName => P("昆山招商", "KunshanInvest");
    public static string AppTagline => P("开发区招商项目管理", "Investment promotion CRM");
    public static string SignIn => P("登录", "Sign in");
    public static string SignOut => P("退出", "Sign out");
    public static string UserName => P("用户名或邮箱", "User name or e-mail");
    public static string Password => P("密码", "Password");
    public static string CurrentPassword => P("当前密码", "Current password");
    public static string NewPassword => P("新密码", "New password");
    public static string ConfirmPassword => P("确认新密码", "Confirm new password");
    public static string ChangePassword => P("修改密码", "Change password");
    public static string MustChangePassword => P("首次登录或密码已重置:请先设置新密码。至少8位,包含大写、小写、数字、符号中的三类。", "First sign-in or reset: set a new password first — at least 8 characters from three of upper case, lower case, digits and symbols.");
    public static string InvalidSignIn => P("用户名或密码错误。", "Wrong user name or password.");
    public static string LockedOut => P("连续失败次数过多,账户已临时锁定,请15分钟后再试。", "Too many failed attempts: the account is locked for 15 minutes.");
    public static string PasswordPolicy => P("新密码不符合要求:8至64位,包含大写、小写、数字、符号中的至少三类,且不能与旧密码相同。", "The new password does not meet the policy: 8 to 64 characters from three of upper case, lower case, digits and symbols, and not the old one.");
    public static string PasswordsDiffer => P("两次输入的新密码不一致。", "The new passwords differ.");
    public static string AccessDenied => P("您没有访问此页面的权限。", "You do not have access to this page.");
    public static string Language => P("English", "中文");
    public static string Home => P("首页", "Home");
    public static string Sectors => P("产业链概览", "Sectors");
    public static string SectorOverview => P("产业链概览", "Sector overview");
    public static string SectorOverviewHint => P("各产业链在库项目数与已签约协议投资额(外币按年度汇率折算人民币)。", "Live projects and pledged investment per sector (other currencies converted at the year's rate).");
    public static string Sector => P("产业链", "Sector");
    public static string Projects => P("在库项目", "Live projects");
    public static string Signed => P("已签约", "Signed");
    public static string Pledged => P("协议投资额", "Pledged investment");
    public static string Total => P("合计", "Total");
    public static string Inactive => P("已停用", "Inactive");
    public static string Unconverted(string currencies) => P($"以下币种缺少汇率,未计入:{currencies}", $"No rate for {currencies}; not included.");
    public static string ApiDocs => P("接口文档", "API reference");
    public static string Welcome(string name) => P($"欢迎,{name}", $"Welcome, {name}");
    public static string PartnerWelcome => P("在合作伙伴门户报送项目、跟踪审核进展并与招商局沟通。", "Submit projects in the partner portal, follow their review and talk to the bureau.");
    public static string AuditorWelcome => P("审计员可在「审计记录」页查询并导出审计记录。", "Auditors search and export the audit trail on the Audit trail page.");
    public static string Yes => P("是", "Yes");
    public static string No => P("否", "No");
    public static string Loading => P("加载中…", "Loading…");
    public static string RoleName(string role) => role switch
    {
        Application.Common.Security.Roles.Admin => P("管理员", "Admin"),
        Application.Common.Security.Roles.Manager => P("领导", "Manager"),
        Application.Common.Security.Roles.Officer => P("招商专员", "Officer"),
        Application.Common.Security.Roles.Partner => P("合作伙伴", "Partner"),
        Application.Common.Security.Roles.Auditor => P("审计员", "Auditor"),
        Application.Common.Security.Roles.Department => P("部门办理员", "Department handler"),
        _ => role,
    };
}
