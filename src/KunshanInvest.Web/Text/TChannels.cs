namespace KunshanInvest.Web.Text;

/// <summary>The robot channels page, the jobs page's delivery panel and the user's own settings page (ADR 0038).</summary>
public static partial class T
{
    public static string AdminChannels => P("通知渠道", "Notification channels");
    public static string AdminChannelsHint => P("企业微信群机器人与钉钉机器人。每个机器人每分钟最多发送20条消息;失败的消息按1、2、4、8、16分钟重试。", "WeCom group robots and DingTalk robots. Each robot gets at most 20 messages a minute; failed messages are retried after 1, 2, 4, 8, 16 minutes.");
    public static string ChannelKindName(Domain.Channels.ChannelKind kind) => kind switch
    {
        Domain.Channels.ChannelKind.WeCom => P("企业微信", "WeCom"),
        _ => P("钉钉", "DingTalk"),
    };

    public static string ChannelKindLabel => P("类型", "Kind");
    public static string ChannelName => P("名称", "Name");
    public static string ChannelWebhook => P("Webhook 地址", "Webhook URL");
    public static string ChannelWebhookKeep => P("留空则保留现有地址", "Leave empty to keep the stored URL");
    public static string ChannelSecret => P("加签密钥(钉钉)", "Signing secret (DingTalk)");
    public static string ChannelSecretKeep => P("留空则保留现有密钥", "Leave empty to keep the stored secret");
    public static string ChannelHasSecret => P("已设置加签密钥", "Signing secret set");
    public static string ChannelLanguage => P("消息语言", "Message language");
    public static string ChannelSector => P("产业链群(新线索、签约、六未)", "Sector group (new leads, signings, stalled)");
    public static string ChannelNoSector => P("不作为产业链群", "Not a sector group");
    public static string ChannelEnabled => P("启用", "Enabled");
    public static string ChannelDisabled => P("已停用", "Disabled");
    public static string NewChannel => P("新增渠道", "New channel");
    public static string ChannelSaved => P("渠道已保存。", "Channel saved.");
    public static string SendTest => P("发送测试消息", "Send test message");
    public static string TestSent => P("机器人已接收", "The robot accepted it");
    public static string TestFailed => P("发送失败", "Sending failed");
    public static string ChannelPending(int n) => P($"待发送 {n}", $"{n} waiting");
    public static string ChannelFailed(int n) => P($"失败 {n}", $"{n} failed");
    public static string ChannelLastError => P("最近错误", "Last error");
    public static string NoChannels => P("还没有通知渠道。", "No channels yet.");
    public static string ChannelDelivery => P("企业微信/钉钉消息投递", "WeCom/DingTalk delivery");
    public static string ChannelDeliveryOk => P("没有发送失败的消息。", "No failed messages.");
    public static string ManageChannels => P("管理通知渠道", "Manage channels");

    public static string MySettings => P("个人设置", "My settings");
    public static string SettingsLanguage => P("界面语言", "Language");
    public static string SettingsLanguageNow => P("当前:中文", "Now: English");
    public static string SettingsSwitchLanguage => P("切换为英文界面", "Switch to Chinese");
    public static string SettingsNotices => P("通知方式", "How notices reach me");
    public static string SettingsEmail => P("通过邮件接收通知", "Receive notices by e-mail");
    public static string SettingsWeCom => P("企业微信群(@提及我)", "WeCom group (mention me)");
    public static string SettingsDingTalk => P("钉钉群(@提及我)", "DingTalk group (mention me)");
    public static string SettingsNone => P("不使用", "None");
    public static string SettingsMobile => P("手机号(用于@提及)", "Mobile number (for mentions)");
    public static string SettingsImUserId => P("企业微信/钉钉用户ID", "WeCom/DingTalk user id");
    public static string SettingsImUserIdHint => P("填写后企业微信以 markdown 消息@您;只填手机号则以文本消息@您。", "With it, WeCom mentions you in a markdown message; with a mobile number only, in a text message.");
    public static string SettingsSaved => P("设置已保存。", "Settings saved.");
    public static string SettingsTwoFactor => P("两步验证", "Two-step verification");
    public static string SettingsTwoFactorOn => P("已启用", "On");
    public static string SettingsTwoFactorOff => P("未启用", "Off");
    public static string SettingsTwoFactorEnrol => P("设置两步验证", "Set up two-step verification");
    public static string SettingsTwoFactorReEnrol => P("查看/重新设置两步验证", "View or set up again");
}
