using System.Net;
using System.Net.Http.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Testing;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The channel endpoints over SQLite and PostgreSQL (ADR 0038): an admin adds a robot pointed at a local receiver
/// (a real HTTP server), reads it back with its key masked and no secret, sends a test message and sees the robot's
/// answer (and a refusal's errcode), changes it with If-Match; a user saves their own settings and a channel of the
/// wrong kind is refused.
/// </summary>
public abstract class ChannelApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task An_admin_adds_a_DingTalk_robot_reads_it_masked_tests_it_and_changes_it()
    {
        await using var receiver = new RobotReceiver();
        using var admin = await fixture.ClientAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/v1/admin/channels/", new { kind = "DingTalk", name = "钉钉招商群", webhookUrl = receiver.DingTalkUrl, secret = receiver.DingTalkSecret });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var channel = await created.JsonAsync();
        Assert.DoesNotContain("dd0123456789token", channel.GetProperty("webhookUrl").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("oken", channel.GetProperty("webhookUrl").GetString(), StringComparison.Ordinal);
        Assert.True(channel.GetProperty("hasSecret").GetBoolean());
        var listed = await (await admin.GetAsync("/api/v1/admin/channels/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(receiver.DingTalkSecret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("dd0123456789token", listed, StringComparison.Ordinal);

        var test = await (await admin.PostAsync($"/api/v1/admin/channels/{channel.Id()}/test", null)).JsonAsync();
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
        var got = Assert.Single(receiver.Accepted);
        Assert.Contains("测试消息", got.Content, StringComparison.Ordinal);

        // The stored secret is kept when none is sent; a wrong one shows the robot's refusal.
        var etag = created.Headers.ETag!.ToString();
        var renamed = await Put(admin, $"/api/v1/admin/channels/{channel.Id()}", new { name = "钉钉招商群2", webhookUrl = receiver.DingTalkUrl, secret = (string?)null, isEnabled = true }, etag);
        var body = await renamed.JsonAsync();
        Assert.True(body.GetProperty("hasSecret").GetBoolean());
        Assert.True((await (await admin.PostAsync($"/api/v1/admin/channels/{channel.Id()}/test", null)).JsonAsync()).GetProperty("ok").GetBoolean());

        var wrong = await Put(admin, $"/api/v1/admin/channels/{channel.Id()}", new { name = "钉钉招商群2", webhookUrl = receiver.DingTalkUrl, secret = "SECwrong", isEnabled = true }, renamed.Headers.ETag!.ToString());
        await wrong.JsonAsync();
        var refused = await (await admin.PostAsync($"/api/v1/admin/channels/{channel.Id()}/test", null)).JsonAsync();
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Contains("310000", refused.GetProperty("answer").GetString(), StringComparison.Ordinal);

        await (await Put(admin, $"/api/v1/admin/channels/{channel.Id()}", new { name = "x", webhookUrl = receiver.DingTalkUrl, isEnabled = true }, etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    private static async Task<HttpResponseMessage> Put(HttpClient client, string path, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag));
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "webhookUrl", "channel.url")]
    [InlineData("/relative", "webhookUrl", "channel.url")]
    [InlineData("", "webhookUrl", "channel.url")]
    public async Task A_webhook_that_is_not_an_absolute_http_URL_is_a_400_naming_the_field(string url, string field, string code)
    {
        using var admin = await fixture.ClientAsync("admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/channels/", new { kind = "WeCom", name = "群", webhookUrl = url })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("codes").EnumerateObject().Single(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
    }

    [Fact]
    public async Task An_unreachable_robot_is_a_failed_test_with_the_error_not_a_500()
    {
        using var admin = await fixture.ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/channels/", new { kind = "WeCom", name = "无人接听", webhookUrl = "http://127.0.0.1:9/wecom?key=nobody" })).JsonAsync();
        var test = await (await admin.PostAsync($"/api/v1/admin/channels/{created.Id()}/test", null)).JsonAsync();
        Assert.False(test.GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrEmpty(test.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task An_officer_saves_their_own_settings_and_a_channel_of_the_wrong_kind_is_refused()
    {
        await using var receiver = new RobotReceiver();
        using var admin = await fixture.ClientAsync("admin");
        var wecom = await (await admin.PostAsJsonAsync("/api/v1/admin/channels/", new { kind = "WeCom", name = "企业微信招商群", webhookUrl = receiver.WeComUrl })).JsonAsync();
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);

        var before = await (await officer.GetAsync("/api/v1/me/settings")).JsonAsync();
        Assert.True(before.GetProperty("emailEnabled").GetBoolean());
        Assert.False(before.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Contains(before.GetProperty("channels").EnumerateArray(), c => c.Id() == wecom.Id());

        var saved = await (await officer.PutAsJsonAsync("/api/v1/me/settings", new { emailEnabled = false, mobile = "13800001111", imUserId = "zhang.san", weComChannelId = wecom.Id() })).JsonAsync();
        Assert.False(saved.GetProperty("emailEnabled").GetBoolean());
        Assert.Equal(wecom.Id(), saved.Id("weComChannelId"));
        Assert.Equal("13800001111", (await (await officer.GetAsync("/api/v1/me/settings")).JsonAsync()).GetProperty("mobile").GetString());

        var wrongKind = await (await officer.PutAsJsonAsync("/api/v1/me/settings", new { emailEnabled = true, dingTalkChannelId = wecom.Id() })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("channel.wrong_kind", wrongKind.GetProperty("code").GetString());
        await (await officer.PutAsJsonAsync("/api/v1/me/settings", new { emailEnabled = true, mobile = "not a number" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync("/api/v1/admin/channels/")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteChannelApiTests(SqliteApp fixture) : ChannelApiTests<SqliteApp>(fixture);

public sealed class PostgresChannelApiTests(PostgresApp fixture) : ChannelApiTests<PostgresApp>(fixture);
