using System.Net;
using System.Text;
using System.Text.Json;
using KunshanInvest.Application.Channels;
using KunshanInvest.Domain.Channels;

namespace KunshanInvest.Infrastructure.Channels;

/// <summary>
/// Posts robot messages with a named HttpClient (IHttpClientFactory, a 10-second timeout). Success is HTTP 200 with
/// <c>errcode</c> 0: both robots answer refusals (a bad key, the rate limit, a bad signature) with 200 and an errcode.
/// </summary>
public sealed class RobotSender(IHttpClientFactory clients, TimeProvider clock) : IChannelSender
{
    public const string ClientName = "robots";
    private const int AnswerMaxLength = 1000;

    public async Task<RobotAnswer> SendAsync(RobotTarget target, RobotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (url, json) = target.Kind switch
        {
            ChannelKind.DingTalk => (target.Secret is null ? target.WebhookUrl : RobotPayloads.SignedUrl(target.WebhookUrl, target.Secret, clock.GetUtcNow().ToUnixTimeMilliseconds()), RobotPayloads.DingTalk(message)),
            _ => (target.WebhookUrl, RobotPayloads.WeCom(message)),
        };

        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await clients.CreateClient(ClientName).PostAsync(new Uri(url), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            body = body.Length <= AnswerMaxLength ? body : body[..AnswerMaxLength];
            var status = (int)response.StatusCode;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new RobotAnswer(false, status, $"HTTP {status}: {body}");
            }

            return ErrCode(body) is 0 ? new RobotAnswer(true, status, body) : new RobotAnswer(false, status, body.Length == 0 ? "HTTP 200 without errcode" : body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException && !cancellationToken.IsCancellationRequested)
        {
            return new RobotAnswer(false, null, ex is TaskCanceledException ? "Timed out." : ex.Message);
        }
    }

    private static int? ErrCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
