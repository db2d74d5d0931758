using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Channels;

/// <summary>
/// Where a staff user's personal notices go besides the app (ADR 0038): e-mail on or off, and a WeCom and/or DingTalk
/// channel that @-mentions them by mobile number or robot user id. Notices from <see cref="ChannelsSinceUtc"/> on are
/// repeated to the chosen channels (choosing one does not replay older notices).
/// </summary>
public sealed class UserNotificationSettings : Entity
{
    public const int MobileMaxLength = 20;
    public const int ImUserIdMaxLength = 64;

    private UserNotificationSettings() { }

    public UserNotificationSettings(Guid userId)
    {
        UserId = userId;
        EmailEnabled = true;
    }

    public Guid UserId { get; private set; }
    public bool EmailEnabled { get; private set; }
    public string? Mobile { get; private set; }
    public string? ImUserId { get; private set; }
    public Guid? WeComChannelId { get; private set; }
    public Guid? DingTalkChannelId { get; private set; }
    public DateTime? ChannelsSinceUtc { get; private set; }

    public void Change(bool emailEnabled, string? mobile, string? imUserId, Guid? weComChannelId, Guid? dingTalkChannelId, DateTime nowUtc)
    {
        if (weComChannelId != WeComChannelId || dingTalkChannelId != DingTalkChannelId)
        {
            ChannelsSinceUtc = weComChannelId is null && dingTalkChannelId is null ? null : nowUtc;
        }

        EmailEnabled = emailEnabled;
        Mobile = string.IsNullOrWhiteSpace(mobile) ? null : mobile.Trim();
        ImUserId = string.IsNullOrWhiteSpace(imUserId) ? null : imUserId.Trim();
        WeComChannelId = weComChannelId;
        DingTalkChannelId = dingTalkChannelId;
    }
}
