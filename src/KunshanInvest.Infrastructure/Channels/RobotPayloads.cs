using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KunshanInvest.Application.Channels;

namespace KunshanInvest.Infrastructure.Channels;

/// <summary>
/// The robots' documented payloads (docs: /work/shared/DOMAIN.md "Notification channels", ADR 0038).
/// WeCom: <c>markdown</c> (content ≤ 4,096 bytes, mention <c>&lt;@userid&gt;</c>), or <c>text</c> with
/// <c>mentioned_mobile_list</c> (content ≤ 2,048 bytes) when the person is known only by mobile number.
/// DingTalk: <c>markdown</c> with <c>at.atMobiles</c>/<c>at.atUserIds</c>, the URL signed with
/// <c>&amp;timestamp=&lt;ms&gt;&amp;sign=urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))</c>.
/// Contents are cut on a UTF-8 character boundary to fit, with "…" at the cut.
/// </summary>
public static class RobotPayloads
{
    public const int WeComMarkdownBytes = 4096;
    public const int WeComTextBytes = 2048;

    /// <summary>Kept to WeCom's markdown limit too: a group robot's message is read on a phone.</summary>
    public const int DingTalkMarkdownBytes = 4096;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string WeCom(RobotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MentionUserId is null && message.MentionMobile is not null)
        {
            var text = string.Join("\n", new[] { message.Title, message.Body, message.Url }.OfType<string>());
            return JsonSerializer.Serialize(new { msgtype = "text", text = new { content = Utf8Cut(text, WeComTextBytes), mentioned_mobile_list = new[] { message.MentionMobile } } }, Json);
        }

        var mention = message.MentionUserId is null ? "" : $"\n<@{message.MentionUserId}>";
        var markdown = Markdown(message);
        var content = Utf8Cut(markdown, WeComMarkdownBytes - Encoding.UTF8.GetByteCount(mention)) + mention;
        return JsonSerializer.Serialize(new { msgtype = "markdown", markdown = new { content } }, Json);
    }

    public static string DingTalk(RobotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mention = message.MentionMobile is null ? "" : $" @{message.MentionMobile}";
        var text = Utf8Cut(Markdown(message), DingTalkMarkdownBytes - Encoding.UTF8.GetByteCount(mention)) + mention;
        return JsonSerializer.Serialize(new
        {
            msgtype = "markdown",
            markdown = new { title = Utf8Cut(message.Title, 256), text },
            at = new
            {
                atMobiles = message.MentionMobile is null ? Array.Empty<string>() : [message.MentionMobile],
                atUserIds = message.MentionUserId is null ? Array.Empty<string>() : [message.MentionUserId],
                isAtAll = false,
            },
        }, Json);
    }

    /// <summary>The DingTalk webhook with its signature: <c>&amp;timestamp=&lt;ms&gt;&amp;sign=&lt;s&gt;</c>.</summary>
    public static string SignedUrl(string webhookUrl, string secret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        var separator = webhookUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{webhookUrl}{separator}timestamp={timestampMs}&sign={Sign(secret, timestampMs)}";
    }

    /// <summary><c>urlencode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)))</c>.</summary>
    public static string Sign(string secret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var data = Encoding.UTF8.GetBytes(timestampMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + secret);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
        return Uri.EscapeDataString(Convert.ToBase64String(hash));
    }

    /// <summary>
    /// <paramref name="value"/> in at most <paramref name="maxBytes"/> UTF-8 bytes: whole characters (never half a
    /// surrogate pair or a multi-byte sequence), ending in "…" when cut.
    /// </summary>
    public static string Utf8Cut(string value, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Encoding.UTF8.GetByteCount(value) <= maxBytes)
        {
            return value;
        }

        const string ellipsis = "…";
        var budget = maxBytes - Encoding.UTF8.GetByteCount(ellipsis);
        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            used += rune.Utf8SequenceLength;
            builder.Append(rune.ToString());
        }

        return builder.Append(ellipsis).ToString();
    }

    private static string Markdown(RobotMessage message)
    {
        var builder = new StringBuilder().Append("**").Append(Escape(message.Title)).Append("**");
        if (!string.IsNullOrEmpty(message.Body))
        {
            builder.Append("\n\n").Append(Escape(message.Body));
        }

        if (message.Url is not null)
        {
            builder.Append("\n\n[").Append(message.OpenLabel).Append("](").Append(message.Url).Append(')');
        }

        return builder.ToString();
    }

    /// <summary>Text from people (a project's name) cannot open a mention or a link: &lt; &gt; [ ] are made harmless.</summary>
    private static string Escape(string text) =>
        text.Replace('<', '‹').Replace('>', '›').Replace('[', '【').Replace(']', '】');
}
