namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string TwoFactor => P("两步验证", "Two-step verification");
    public static string TwoFactorEnrol => P("绑定身份验证器", "Set up an authenticator");
    public static string TwoFactorRequiredForAdmin => P("系统管理员必须启用两步验证:绑定身份验证器后方可使用系统。", "Administrators must use two-step verification: set up an authenticator before anything else.");
    public static string TwoFactorScan => P("用身份验证器应用(如 Microsoft Authenticator、Google 身份验证器、FreeOTP)扫描二维码:", "Scan the QR code with an authenticator app (e.g. Microsoft Authenticator, Google Authenticator, FreeOTP):");
    public static string TwoFactorKeyHint => P("无法扫码时,手动输入密钥:", "Or type this key into the app:");
    public static string TwoFactorCode => P("6位动态验证码", "6-digit code");
    public static string TwoFactorCodeOrRecovery => P("6位动态验证码或恢复码", "6-digit code or recovery code");
    public static string TwoFactorVerifyHint => P("请输入身份验证器应用显示的6位验证码;手机不在身边时可使用一个恢复码。", "Enter the 6-digit code your authenticator app shows; without your phone, use a recovery code.");
    public static string TwoFactorConfirm => P("验证并启用", "Verify and turn on");
    public static string TwoFactorVerify => P("验证", "Verify");
    public static string TwoFactorWrongCode => P("验证码错误或已使用过,请等待下一个验证码。", "Wrong or already used code; wait for the next one.");
    public static string TwoFactorExpired => P("登录已超时,请重新输入密码。", "The sign-in timed out; enter your password again.");
    public static string TwoFactorEnabled => P("两步验证已启用。", "Two-step verification is on.");
    public static string RecoveryCodesOnce => P("请立即保存以下恢复码:每个只能使用一次,本页关闭后不再显示。", "Save these recovery codes now: each works once, and they are not shown again.");
    public static string TwoFactorCodeIfEnrolled => P("动态验证码(已启用两步验证时必填)", "Two-step code (required if two-step verification is on)");
    public static string TwoFactorNeededForChange => P("此账户已启用两步验证:修改密码须同时输入身份验证器的6位验证码或一个恢复码。", "This account uses two-step verification: changing the password needs the authenticator's 6-digit code or a recovery code as well.");
    public static string InvalidSignInOrCode => P("用户名、密码或验证码错误。", "Wrong user name, password or code.");
    public static string Continue => P("继续", "Continue");
}
