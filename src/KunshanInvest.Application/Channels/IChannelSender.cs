using KunshanInvest.Domain.Channels;

namespace KunshanInvest.Application.Channels;

/// <summary>Where a robot message goes: the channel's kind, webhook and (DingTalk) signing secret.</summary>
public sealed record RobotTarget(ChannelKind Kind, string WebhookUrl, string? Secret);

/// <summary>A message as worded for its channel: title, body, a link into the app, and whom to @-mention.</summary>
public sealed record RobotMessage(string Title, string? Body, string? Url, string? MentionMobile = null, string? MentionUserId = null, string OpenLabel = "打开");

/// <summary>
/// The robot's answer: <see cref="Ok"/> only for HTTP 200 with <c>errcode</c> 0 (both robots answer 200 with an
/// errcode for refusals); <see cref="Answer"/> is the body received or the error met (timeout, refused connection).
/// </summary>
public sealed record RobotAnswer(bool Ok, int? Status, string Answer);

/// <summary>Posts one message to a robot (Infrastructure: an HttpClient from IHttpClientFactory with a timeout).</summary>
public interface IChannelSender
{
    Task<RobotAnswer> SendAsync(RobotTarget target, RobotMessage message, CancellationToken cancellationToken);
}

/// <summary>The signed-in user's account facts the settings page shows (Identity's tables live in Infrastructure).</summary>
public interface IMyAccount
{
    Task<MyAccountFacts> GetAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record MyAccountFacts(string? Language, bool TwoFactorEnabled);
