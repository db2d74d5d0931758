using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KunshanInvest.Testing;

/// <summary>
/// A WeCom and DingTalk robot stand-in that is a real HTTP server on 127.0.0.1 (HttpListener on a free port), started
/// by the test. It checks what the robots document (/work/shared/DOMAIN.md "Notification channels") and answers as
/// they do, HTTP 200 with an errcode: WeCom at <c>/wecom?key=…</c> takes <c>markdown</c> (content ≤ 4,096 bytes) or
/// <c>text</c> (content ≤ 2,048 bytes, <c>mentioned_mobile_list</c>); DingTalk at <c>/dingtalk?access_token=…</c>
/// wants <c>timestamp</c> within an hour of <see cref="Now"/> and <c>sign</c> =
/// urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret))), computed here on its own, and a markdown
/// message with an <c>at</c> object. <see cref="FailNext"/> makes the next requests answer 500.
/// </summary>
public sealed class RobotReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failNext;

    public RobotReceiver()
    {
        // HttpListener cannot bind port 0: take a free port from the system first.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The DingTalk robot's signing secret.</summary>
    public string DingTalkSecret { get; set; } = "SECtest0123456789abcdef";

    /// <summary>The receiver's clock for DingTalk's timestamp window (a test with a fixed clock sets it alike).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string WeComUrl => $"http://127.0.0.1:{Port}/wecom?key=0a1b2c3d-test-key-4e5f";

    public string DingTalkUrl => $"http://127.0.0.1:{Port}/dingtalk?access_token=dd0123456789token";

    /// <summary>Requests the receiver accepted (errcode 0).</summary>
    public IReadOnlyList<Received> Accepted => [.. Requests.Where(r => r.ErrCode == 0)];

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        var query = context.Request.Url.Query;
        int status = 200;
        var (code, message) = (0, "ok");
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            status = 500;
            (code, message) = (-1, "server error");
        }
        else
        {
            Interlocked.Exchange(ref _failNext, 0);
            (code, message) = context.Request.HttpMethod != "POST" || context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
                ? (40008, "POST application/json only")
                : path switch
                {
                    "/wecom" => CheckWeCom(context.Request, body),
                    "/dingtalk" => CheckDingTalk(context.Request, body),
                    _ => (404, "no such robot"),
                };
        }

        Requests.Enqueue(new Received(path, query, body, status, code, message));
        var answer = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { errcode = code, errmsg = message }));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    private static (int, string) CheckWeCom(HttpListenerRequest request, string body)
    {
        if (string.IsNullOrEmpty(request.QueryString["key"]))
        {
            return (93000, "invalid webhook url");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        switch (root.GetProperty("msgtype").GetString())
        {
            case "markdown":
                var markdown = root.GetProperty("markdown").GetProperty("content").GetString() ?? "";
                return markdown.Length == 0 || Encoding.UTF8.GetByteCount(markdown) > 4096 ? (40058, "markdown.content exceed max length 4096") : (0, "ok");
            case "text":
                var text = root.GetProperty("text");
                var content = text.GetProperty("content").GetString() ?? "";
                if (text.TryGetProperty("mentioned_mobile_list", out var mobiles) && mobiles.ValueKind != JsonValueKind.Array)
                {
                    return (40008, "mentioned_mobile_list must be a list");
                }

                return content.Length == 0 || Encoding.UTF8.GetByteCount(content) > 2048 ? (40058, "text.content exceed max length 2048") : (0, "ok");
            default:
                return (40008, "invalid message type");
        }
    }

    private (int, string) CheckDingTalk(HttpListenerRequest request, string body)
    {
        if (string.IsNullOrEmpty(request.QueryString["access_token"]))
        {
            return (300001, "token is not exist");
        }

        // The raw query: the sign is URL-encoded base64, compared as sent.
        var raw = request.Url!.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        if (!raw.TryGetValue("timestamp", out var timestamp) || !raw.TryGetValue("sign", out var sign)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return (310000, "sign not match: timestamp and sign required");
        }

        if (Math.Abs(Now().ToUnixTimeMilliseconds() - ms) > 3_600_000)
        {
            return (310000, "sign not match: timestamp is more than an hour away");
        }

        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingTalkSecret), Encoding.UTF8.GetBytes(timestamp + "\n" + DingTalkSecret));
        if (!string.Equals(WebUtility.UrlDecode(sign), Convert.ToBase64String(hash), StringComparison.Ordinal))
        {
            return (310000, "sign not match");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("msgtype").GetString() != "markdown"
            || string.IsNullOrEmpty(root.GetProperty("markdown").GetProperty("title").GetString())
            || string.IsNullOrEmpty(root.GetProperty("markdown").GetProperty("text").GetString())
            || root.GetProperty("at").GetProperty("atMobiles").ValueKind != JsonValueKind.Array)
        {
            return (40035, "invalid markdown message");
        }

        return (0, "ok");
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    /// <summary>One request as received, with the receiver's verdict.</summary>
    public sealed record Received(string Path, string Query, string Body, int Status, int ErrCode, string ErrMsg)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The message's text: WeCom markdown/text content or DingTalk markdown text.</summary>
        public string Content
        {
            get
            {
                var root = Json;
                return root.GetProperty("msgtype").GetString() switch
                {
                    "text" => root.GetProperty("text").GetProperty("content").GetString()!,
                    _ when root.GetProperty("markdown").TryGetProperty("content", out var content) => content.GetString()!,
                    _ => root.GetProperty("markdown").GetProperty("text").GetString()!,
                };
            }
        }
    }
}
