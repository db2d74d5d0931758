namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg UserNotStaff = new("user.notStaff", "只有局内人员可以分配产业链。", "Only bureau staff can be assigned to sectors.");
    public static readonly Msg UserNameFormat = new("user.name_format", "用户名只能包含字母、数字和 . _ - @。", "A user name may hold letters, digits and . _ - @");
    public static readonly Msg UserNameTaken = new("user.name_taken", "该用户名已被使用。", "This user name is taken.");
    public static readonly Msg UserEmailTaken = new("user.email_taken", "该邮箱已被其他账户使用。", "Another account uses this e-mail address.");
    public static readonly Msg RoleUnknown = new("user.role_unknown", "角色须为 {roles} 之一。", "Each role must be one of {roles}.");
    public static readonly Msg SelfDemotion = new("user.selfDemotion", "管理员不能撤销自己的管理员角色。", "Administrators cannot remove their own Admin role.");
    public static readonly Msg SelfDisable = new("user.selfDisable", "管理员不能停用自己的账户。", "Administrators cannot disable their own account.");
    public static readonly Msg LeadNotOfficer = new("sector.leadNotOfficer", "牵头人须为在岗的招商专员或领导。", "The lead must be an enabled officer or manager.");
    public static readonly Msg SectorDays = new("sector.days", "天数须在 1 到 {max} 之间,留空则用默认值。", "Days must be between 1 and {max}; leave empty for the default.");
    public static readonly Msg PasswordTooLong = new("password.too_long", "密码不能超过{max}个字符。", "Passwords may be at most {max} characters.");
    public static readonly Msg PasswordClasses = new("password.classes", "密码须包含大写、小写、数字、符号中的至少三类。", "Use at least three of: upper case, lower case, digits, symbols.");
    public static readonly Msg PasswordSame = new("password.same", "新密码不能与当前密码相同。", "The new password must differ from the current one.");
    public static readonly Msg MustChangePassword = new("auth.must_change_password", "须先修改密码。", "The password must be changed first.");
    public static readonly Msg MustEnrolTotp = new("auth.must_enrol_totp", "须先绑定身份验证器。", "An authenticator must be enrolled first.");
    public static readonly Msg LockedOut = new("auth.locked_out", "账户已锁定,请稍后再试。", "The account is locked out; try again later.");
    public static readonly Msg WrongCredentials = new("auth.wrong_credentials", "用户名、密码或验证码错误。", "Wrong user name, password or code.");
    public static readonly Msg TotpRequired = new("auth.totp_required", "需要动态验证码。", "A two-factor code is required.");
    public static readonly Msg Antiforgery = new("auth.antiforgery", "请求无效:表单的防伪令牌缺失或有误。", "The form's antiforgery token is missing or wrong.");
}
