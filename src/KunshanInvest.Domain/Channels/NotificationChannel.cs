using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Channels;

/// <summary>The two robots a channel can be.</summary>
public enum ChannelKind
{
    /// <summary>企业微信 (or 政务微信) group robot: the webhook URL holds its key.</summary>
    WeCom = 0,

    /// <summary>钉钉 custom robot: the webhook URL holds its access token; messages are signed with its secret.</summary>
    DingTalk = 1,
}

/// <summary>
/// A group robot messages can be posted to (ADR 0038): a WeCom group robot or a DingTalk robot. A sector's group gets
/// that sector's new leads, signings and 六未 escalations once <see cref="SectorId"/> is set (from
/// <see cref="SectorSinceUtc"/> on, so assigning a channel does not replay the past); a user can pick a channel for
/// their own notices. <see cref="LeaseToken"/> and <see cref="LeaseUntilUtc"/> are a dispatcher's lease on the robot:
/// only the holder sends to it, which keeps its rate limit and sends each message once with two servers.
/// </summary>
public sealed class NotificationChannel : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int UrlMaxLength = 500;
    public const int SecretMaxLength = 200;
    public const int LanguageMaxLength = 10;

    /// <summary>The robots' documented rate: 20 messages a minute per robot (WeCom; DingTalk throttles beyond it).</summary>
    public const int MessagesPerMinute = 20;

    private NotificationChannel() { }

    public NotificationChannel(ChannelKind kind, string name, string webhookUrl, string? secret, string language, DateTime createdAtUtc)
    {
        Kind = kind;
        CreatedAtUtc = createdAtUtc;
        IsEnabled = true;
        Change(name, webhookUrl, secret, language);
    }

    public ChannelKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string WebhookUrl { get; private set; } = "";

    /// <summary>The DingTalk robot's signing secret (SEC…); never shown back in full.</summary>
    public string? Secret { get; private set; }

    /// <summary>The language messages are worded in: <c>zh-CN</c> (the default) or <c>en-US</c>.</summary>
    public string Language { get; private set; } = "zh-CN";

    public Guid? SectorId { get; private set; }
    public DateTime? SectorSinceUtc { get; private set; }
    public bool IsEnabled { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public Guid? LeaseToken { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>New settings; a null <paramref name="secret"/> keeps the stored one, an empty one clears it.</summary>
    public void Change(string name, string webhookUrl, string? secret, string language)
    {
        Name = name.Trim();
        WebhookUrl = webhookUrl.Trim();
        if (secret is not null)
        {
            Secret = secret.Length == 0 ? null : secret.Trim();
        }

        Language = language;
    }

    public void AssignSector(Guid? sectorId, DateTime nowUtc)
    {
        if (sectorId != SectorId)
        {
            SectorId = sectorId;
            SectorSinceUtc = sectorId is null ? null : nowUtc;
        }
    }

    public void SetEnabled(bool enabled) => IsEnabled = enabled;
}
