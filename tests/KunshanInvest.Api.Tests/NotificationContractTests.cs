using System.Net;
using KunshanInvest.Application.Common.Security;

namespace KunshanInvest.Api.Tests;

/// <summary>In-app notifications: every signed-in role has an inbox and sees only its own.</summary>
public abstract class NotificationContractTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/notifications" },
        { "POST", $"/api/v1/notifications/{Guid.CreateVersion7()}/read" },
        { "POST", "/api/v1/notifications/read-all" },
    };

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Officer)]
    public async Task Any_signed_in_role_reads_its_inbox_and_marks_a_notice_read(string role)
    {
        var (me, client) = await fixture.NewUserAsync(role);
        var older = await fixture.AddNotificationAsync(me, "第一条通知");
        var newer = await fixture.AddNotificationAsync(me, "第二条通知");

        var inbox = await (await client.GetAsync("/api/v1/notifications")).JsonAsync();
        var read = await client.PostAsync($"/api/v1/notifications/{older}/read", null, null);
        var again = await client.PostAsync($"/api/v1/notifications/{older}/read", null, null);
        var after = await (await client.GetAsync("/api/v1/notifications?take=1")).JsonAsync();

        Assert.Equal(2, inbox.GetProperty("unreadCount").GetInt32());
        Assert.Equal([newer, older], inbox.GetProperty("latest").EnumerateArray().Select(n => n.Id()));
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(1, after.GetProperty("unreadCount").GetInt32());
        Assert.Equal([newer], after.GetProperty("latest").EnumerateArray().Select(n => n.Id()));
    }

    [Fact]
    public async Task Another_users_notice_is_404_and_stays_unread()
    {
        var (owner, ownerClient) = await fixture.NewUserAsync(Roles.Partner);
        var (_, stranger) = await fixture.NewUserAsync(Roles.Officer);
        var notice = await fixture.AddNotificationAsync(owner, "仅本人可见");

        await (await stranger.PostAsync($"/api/v1/notifications/{notice}/read", null, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/v1/notifications/{Guid.CreateVersion7()}/read", null, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var strangersInbox = await (await stranger.GetAsync("/api/v1/notifications")).JsonAsync();

        Assert.Equal(0, strangersInbox.GetProperty("latest").GetArrayLength());
        var inbox = await (await ownerClient.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Read_all_marks_only_the_callers_notices()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Manager);
        var (other, otherClient) = await fixture.NewUserAsync(Roles.Manager);
        await fixture.AddNotificationAsync(me, "一");
        await fixture.AddNotificationAsync(me, "二");
        await fixture.AddNotificationAsync(other, "三");

        var marked = await (await client.PostAsync("/api/v1/notifications/read-all", null, null)).JsonAsync();

        Assert.Equal(2, marked.GetProperty("count").GetInt32());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, (await (await otherClient.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("unreadCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = fixture.Anonymous();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteNotificationTests(SqliteApp fixture) : NotificationContractTests<SqliteApp>(fixture);

public sealed class PostgresNotificationTests(PostgresApp fixture) : NotificationContractTests<PostgresApp>(fixture);
