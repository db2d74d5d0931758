namespace KunshanInvest.Web.Text;

/// <summary>The administration pages: users, roles, sectors.</summary>
public static partial class T
{
    public static string Admin => P("系统管理", "Administration");
    public static string AdminUsers => P("用户管理", "Users");
    public static string AdminUsersHint => P("新建账户、分配角色与产业链、停用账户或重置密码。新账户与重置后的密码须在首次登录时修改。", "Create accounts, assign roles and sectors, disable an account or reset a password. New and reset passwords must be changed at the next sign-in.");
    public static string NewUser => P("新建用户", "New user");
    public static string LoginName => P("登录名", "User name");
    public static string DisplayName => P("姓名", "Display name");
    public static string UserRoles => P("角色", "Roles");
    public static string InitialPassword => P("初始密码", "Initial password");
    public static string TemporaryPassword => P("临时密码", "Temporary password");
    public static string PasswordRule => P("至少8位,包含大写、小写、数字、符号中的三类", "8+ characters from three of upper case, lower case, digits, symbols");
    public static string Create => P("创建", "Create");
    public static string UserCreated(string name) => P($"已创建用户 {name}", $"User {name} created");
    public static string UserSectors => P("负责产业链", "Sectors worked");
    public static string LeadOf => P("牵头产业链", "Lead of");
    public static string Enabled => P("正常", "Enabled");
    public static string Disabled => P("已停用", "Disabled");
    public static string MustChange => P("待改密", "Must change password");
    public static string OpenFollowUpCount => P("未完成跟进", "Open follow-ups");
    public static string Edit => P("编辑", "Edit");
    public static string EditUser(string name) => P($"编辑用户 {name}", $"Edit {name}");
    public static string SaveRoles => P("保存角色", "Save roles");
    public static string SaveSectors => P("保存产业链", "Save sectors");
    public static string ResetPassword => P("重置密码", "Reset password");
    public static string PasswordReset(string name) => P($"已重置 {name} 的密码,其须在下次登录时修改", $"{name}'s password was reset; it must be changed at next sign-in");
    public static string DisableUser => P("停用账户", "Disable account");
    public static string EnableUser => P("启用账户", "Enable account");
    public static string ConfirmDisable(string name) => P($"停用 {name}?其所有登录会话将立即失效。", $"Disable {name}? All of their sessions end at once.");
    public static string UserDisabled(string name) => P($"已停用 {name},其会话已全部失效", $"{name} is disabled; all sessions ended");
    public static string UserEnabled(string name) => P($"已启用 {name}", $"{name} is enabled");
    public static string OpenFollowUpsOf(string name) => P($"{name} 的未完成跟进任务(请转交他人)", $"{name}'s open follow-ups (hand them to someone else)");
    public static string NoOpenFollowUps => P("没有未完成的跟进任务。", "No open follow-ups.");
    public static string ReassignTo => P("转交给", "Reassign to");
    public static string Reassign => P("转交", "Reassign");
    public static string Reassigned => P("已转交", "Reassigned");
    public static string Due => P("截止", "Due");
    public static string Project => P("项目", "Project");
    public static string SectorLeads => P("产业链牵头人", "Sector leads");
    public static string LeadOfficer => P("牵头人", "Lead officer");
    public static string NoLead => P("(未指定)", "(none)");
    public static string SaveLead => P("保存牵头人", "Save lead");
}
