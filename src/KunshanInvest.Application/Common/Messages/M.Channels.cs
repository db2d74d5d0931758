namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// Robot channels (WeCom and DingTalk, ADR 0038): the admin's and the settings page's refusals and the sector group
/// messages. The group messages' arguments are <c>code</c> and <c>name</c> of the project, and <c>level</c> for 六未.
/// </summary>
public static partial class M
{
    public static readonly Msg ChannelName = new("channel.name", "请填写渠道名称(最多{max}个字符)。", "Give the channel a name (at most {max} characters).");
    public static readonly Msg ChannelKind = new("channel.kind", "未知的渠道类型。", "Unknown channel kind.");
    public static readonly Msg ChannelUrl = new("channel.url", "Webhook 地址须为完整的 http(s) 地址(最多{max}个字符)。", "The webhook must be an absolute http(s) URL (at most {max} characters).");
    public static readonly Msg ChannelSecret = new("channel.secret", "加签密钥最多{max}个字符。", "The signing secret may have at most {max} characters.");
    public static readonly Msg ChannelLanguage = new("channel.language", "消息语言须为 zh-CN 或 en-US。", "The message language must be zh-CN or en-US.");
    public static readonly Msg ChannelSector = new("channel.sector", "找不到该产业链。", "No such sector.");
    public static readonly Msg ChannelControl = new("channel.control", "渠道设置不能包含控制字符。", "Channel settings cannot contain control characters.");
    public static readonly Msg ChannelDisabled = new("channel.disabled", "该渠道已停用。", "This channel is disabled.");
    public static readonly Msg ChannelWrongKind = new("channel.wrong_kind", "所选渠道不是{kind}渠道或已停用。", "The chosen channel is not an enabled {kind} channel.");
    public static readonly Msg SettingsMobile = new("settings.mobile", "手机号须为数字(可带+号),最多{max}位。", "The mobile number must be digits (optionally with +), at most {max}.");
    public static readonly Msg SettingsImUserId = new("settings.im_user_id", "企业微信/钉钉用户ID最多{max}个字符,不能含空格或控制字符。", "The WeCom/DingTalk user id may have at most {max} characters, without spaces or control characters.");

    public static readonly Msg ChannelTestTitle = new("channel.test", "测试消息:{name}", "Test message: {name}");
    public static readonly Msg ChannelTestBody = new("channel.test.body", "昆山招商平台已连通此机器人。", "KunshanInvest can reach this robot.");
    public static readonly Msg ChannelLead = new("channel.lead", "新线索:{code} {name}", "New lead: {code} {name}");
    public static readonly Msg ChannelSigned = new("channel.signed", "签约:{code} {name}", "Signed: {code} {name}");
    public static readonly Msg ChannelEscalated = new("channel.stalled", "六未预警(第{level}级):{code} {name}", "Stalled (level {level}): {code} {name}");
    public static readonly Msg ChannelOpen = new("channel.open", "打开", "Open");
}
