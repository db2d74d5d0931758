using KunshanInvest.Domain.Channels;

namespace KunshanInvest.Application.Channels;

/// <summary>
/// A channel as admins see it: the webhook with its key masked (the last four characters kept), whether a signing
/// secret is stored (never the secret), and its delivery: messages waiting, messages given up on, the last error.
/// </summary>
public sealed record ChannelDto(
    Guid Id, ChannelKind Kind, string Name, string WebhookUrl, bool HasSecret, string Language, Guid? SectorId, bool IsEnabled, int Version,
    int Pending, int Failed, string? LastError, DateTime? LastAttemptAtUtc);

/// <summary>An enabled channel a user can choose for their notices.</summary>
public sealed record ChannelOption(Guid Id, ChannelKind Kind, string Name);

/// <summary>The signed-in user's settings page: notices by e-mail, robot channels and mentions, language, two-step verification.</summary>
public sealed record MySettingsDto(
    bool EmailEnabled, string? Mobile, string? ImUserId, Guid? WeComChannelId, Guid? DingTalkChannelId, string? Language, bool TwoFactorEnabled,
    IReadOnlyList<ChannelOption> Channels);

/// <summary>What a test message met: the robot's answer or the error.</summary>
public sealed record ChannelTestResult(bool Ok, int? Status, string Answer);
