using System.Text;
using KunshanInvest.Application.Channels;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Jobs.DispatchChannelMessages;
using KunshanInvest.Application.Jobs.DispatchEmails;
using KunshanInvest.Domain.Channels;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Channels;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// The robot channels' outbox (ADR 0038) on a real database (SQLite here, PostgreSQL in
/// <see cref="PostgresChannelDispatchTests"/>) against <see cref="RobotReceiver"/>, a real HTTP server on 127.0.0.1
/// that checks the documented payloads and DingTalk's signature: what is sent and how, retry with backoff, the
/// 20-a-minute rate, and each message once with two dispatchers running at the same time.
/// </summary>
public abstract class ChannelDispatchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RobotReceiver _receiver = null!;
    private Guid _officer;
    private ReportScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _receiver = new RobotReceiver();
        _receiver.Now = () => _database.Clock.GetUtcNow();
        _officer = await _database.AddUserAsync("officer");
        await using var db = _database.NewContext();
        _scenario = ReportScenario.Create(_database.Clock.GetUtcNow().UtcDateTime, _officer, _officer);
        db.AddRange(_scenario.Sector, _scenario.Park);
        db.AddRange(_scenario.Enterprises);
        db.AddRange(_scenario.Projects);
        db.AddRange(_scenario.Milestones);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_notice_goes_to_the_users_WeCom_channel_as_markdown_mentioning_them_once()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom);
        await ChooseAsync(channel, null, mobile: "13800000001", imUserId: "zhangsan");
        await NotifyAsync("第一条");

        Assert.Equal(1, await DispatchAsync());
        var received = Assert.Single(_receiver.Requests);
        Assert.Equal(0, received.ErrCode);
        Assert.Equal("markdown", received.Json.GetProperty("msgtype").GetString());
        Assert.Contains("第一条", received.Content, StringComparison.Ordinal);
        Assert.EndsWith("<@zhangsan>", received.Content, StringComparison.Ordinal);
        Assert.Contains("](http://localhost:5080/projects/", received.Content, StringComparison.Ordinal);

        Assert.Equal(0, await DispatchAsync());
        Assert.Single(_receiver.Requests);
        await using var db = _database.NewContext();
        var message = await db.ChannelMessages.SingleAsync();
        Assert.NotNull(message.SentAtUtc);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task Known_only_by_mobile_WeCom_gets_a_text_message_with_the_mobile_list_and_notices_from_before_the_choice_are_not_replayed()
    {
        await NotifyAsync("选择渠道之前");
        var channel = await AddChannelAsync(ChannelKind.WeCom);
        _database.Clock.Now += TimeSpan.FromSeconds(1);
        await ChooseAsync(channel, null, mobile: "13800000002", imUserId: null);
        _database.Clock.Now += TimeSpan.FromSeconds(1);
        await NotifyAsync("选择渠道之后");

        Assert.Equal(1, await DispatchAsync());
        var text = Assert.Single(_receiver.Accepted).Json;
        Assert.Equal("text", text.GetProperty("msgtype").GetString());
        Assert.Contains("选择渠道之后", text.GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("13800000002", text.GetProperty("text").GetProperty("mentioned_mobile_list")[0].GetString());
    }

    [Fact]
    public async Task DingTalk_messages_are_signed_and_mention_by_atMobiles_and_a_wrong_secret_is_a_failure_with_the_robots_answer()
    {
        var channel = await AddChannelAsync(ChannelKind.DingTalk, _receiver.DingTalkSecret, language: "en-US");
        await ChooseAsync(null, channel, mobile: "13800000003", imUserId: null);
        await NotifyAsync("签名测试");

        Assert.Equal(1, await DispatchAsync());
        var received = Assert.Single(_receiver.Accepted);
        Assert.Contains("timestamp=", received.Query, StringComparison.Ordinal);
        Assert.Equal("13800000003", received.Json.GetProperty("at").GetProperty("atMobiles")[0].GetString());
        Assert.Contains("@13800000003", received.Content, StringComparison.Ordinal);
        Assert.Contains("[Open](", received.Content, StringComparison.Ordinal); // worded in the channel's language

        _receiver.DingTalkSecret = "SECsomeoneelse";
        await NotifyAsync("密钥不对");
        Assert.Equal(0, await DispatchAsync());
        Assert.Equal(310000, _receiver.Requests.Last().ErrCode);
        await using var db = _database.NewContext();
        var failed = await db.ChannelMessages.SingleAsync(m => m.SentAtUtc == null);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("sign not match", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), failed.NextAttemptAtUtc);
    }

    [Fact]
    public async Task A_500_is_retried_after_the_backoff_and_not_before()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom);
        await ChooseAsync(channel, null, null, "lisi");
        await NotifyAsync("重试");
        _receiver.FailNext(2);

        Assert.Equal(0, await DispatchAsync());
        Assert.Equal(500, Assert.Single(_receiver.Requests).Status);
        _database.Clock.Now += TimeSpan.FromSeconds(59);
        Assert.Equal(0, await DispatchAsync());
        Assert.Single(_receiver.Requests); // 1 minute's backoff respected

        _database.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(0, await DispatchAsync()); // the second 500
        Assert.Equal(2, _receiver.Requests.Count);
        _database.Clock.Now += TimeSpan.FromSeconds(119);
        Assert.Equal(0, await DispatchAsync());
        Assert.Equal(2, _receiver.Requests.Count); // 2 minutes after the second failure

        _database.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(3, _receiver.Requests.Count);
        await using var db = _database.NewContext();
        var message = await db.ChannelMessages.SingleAsync();
        Assert.Equal(3, message.Attempts);
        Assert.Null(message.LastError);
    }

    [Fact]
    public async Task Twenty_one_messages_go_twenty_in_the_first_minute_and_the_last_after_it()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom);
        await ChooseAsync(channel, null, null, "wangwu");
        for (var i = 0; i < 21; i++)
        {
            await NotifyAsync($"第{i}条");
        }

        Assert.Equal(20, await DispatchAsync());
        _database.Clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(0, await DispatchAsync());
        _database.Clock.Now += TimeSpan.FromSeconds(31);
        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(21, _receiver.Accepted.Count);
        Assert.Equal(21, _receiver.Accepted.Select(r => r.Content).Distinct().Count());
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_message_exactly_once()
    {
        var wecom = await AddChannelAsync(ChannelKind.WeCom);
        var dingtalk = await AddChannelAsync(ChannelKind.DingTalk, _receiver.DingTalkSecret);
        await ChooseAsync(wecom, dingtalk, "13800000004", "zhaoliu");
        for (var i = 0; i < 15; i++)
        {
            await NotifyAsync($"并发{i}");
        }

        for (var round = 0; round < 3; round++)
        {
            var results = await Task.WhenAll(Task.Run(DispatchAsync), Task.Run(DispatchAsync));
            Assert.Equal(round == 0 ? 30 : 0, results.Sum());
            _database.Clock.Now += TimeSpan.FromMinutes(2);
        }

        Assert.Equal(30, _receiver.Requests.Count);
        Assert.All(_receiver.Requests, r => Assert.Equal(0, r.ErrCode));
        Assert.Equal(15, _receiver.Requests.Where(r => r.Path == "/wecom").Select(r => r.Content).Distinct().Count());
        Assert.Equal(15, _receiver.Requests.Where(r => r.Path == "/dingtalk").Select(r => r.Content).Distinct().Count());
        await using var db = _database.NewContext();
        Assert.Equal(30, await db.ChannelMessages.CountAsync(m => m.SentAtUtc != null && m.Attempts == 1));
        Assert.False(await db.NotificationChannels.AnyAsync(c => c.LeaseToken != null));
    }

    [Fact]
    public async Task A_sectors_group_gets_its_new_leads_signings_and_escalations_from_its_assignment_on_once()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom, sectorId: _scenario.Sector.Id);
        var other = await AddChannelAsync(ChannelKind.WeCom); // no sector: gets none of it
        _database.Clock.Now += TimeSpan.FromMinutes(1);
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _database.NewContext())
        {
            var lead = new InvestmentProject("CH-LEAD-1", "咖啡新线索", SourceChannel.WalkIn, _officer, now);
            lead.Place(null, _scenario.Sector.Id, null);
            var signing = new InvestmentProject("CH-SIGN-1", "咖啡签约", SourceChannel.WalkIn, _officer, now.AddDays(-30));
            signing.Place(_scenario.Enterprises[0].Id, _scenario.Sector.Id, _scenario.Park.Id);
            signing.Pledge(Domain.Common.Money.CnyWan(5_000m), null, 100, null, null, null);
            db.Projects.AddRange(lead, signing);
            db.StageChanges.Add(signing.MoveTo(ProjectStage.Signed, new StageActor(_officer, IsManager: true), null, now, new StageFacts([], null, null, null)));
            await db.SaveChangesAsync();
            var stalled = _scenario.Projects[0].Id;
            await db.Projects.Where(p => p.Id == stalled).ExecuteUpdateAsync(s => s.SetProperty(p => p.EscalationLevel, 2).SetProperty(p => p.EscalatedAtUtc, now));
        }

        Assert.Equal(3, await DispatchAsync());
        var contents = _receiver.Accepted.Select(r => r.Content).ToList();
        Assert.Contains(contents, c => c.Contains("新线索:CH-LEAD-1 咖啡新线索", StringComparison.Ordinal));
        Assert.Contains(contents, c => c.Contains("签约:CH-SIGN-1 咖啡签约", StringComparison.Ordinal));
        Assert.Contains(contents, c => c.Contains("六未预警(第2级)", StringComparison.Ordinal));

        _database.Clock.Now += TimeSpan.FromMinutes(5);
        Assert.Equal(0, await DispatchAsync());
        Assert.Equal(3, _receiver.Requests.Count);
        await using var check = _database.NewContext();
        Assert.False(await check.ChannelMessages.AnyAsync(m => m.ChannelId == other));
    }

    [Fact]
    public async Task A_disabled_channel_sends_nothing()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom);
        await ChooseAsync(channel, null, null, "qianqi");
        await NotifyAsync("停用");
        await using (var db = _database.NewContext())
        {
            var row = await db.NotificationChannels.SingleAsync();
            row.SetEnabled(false);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await DispatchAsync());
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task With_e_mail_turned_off_the_mail_dispatcher_sends_the_user_nothing()
    {
        await ChooseAsync(null, null, null, null, emailEnabled: false);
        await NotifyAsync("不要邮件");
        var pickup = Directory.CreateTempSubdirectory("ki-mail-").FullName;
        await using (var db = _database.NewContext())
        {
            await db.Users.Where(u => u.Id == _officer).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "officer@kunshan.test"));
            db.OutboxEmails.Add(Domain.Notifications.OutboxEmail.OfNotification(await db.Notifications.SingleAsync(), _database.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            var mail = new MailOptions();
            var sent = await new DispatchEmailsHandler(db, new Infrastructure.Identity.UserDirectory(db, _database.Clock),
                    new Infrastructure.Mail.MailKitEmailSender(Options.Create(mail), new Infrastructure.Mail.MailPickupFolder(pickup)), Options.Create(mail), _database.Clock,
                    Microsoft.Extensions.Logging.Abstractions.NullLogger<DispatchEmailsHandler>.Instance)
                .Handle(new DispatchEmails(), CancellationToken.None);
            Assert.Equal(0, sent.Effects);
        }

        Assert.Empty(Directory.GetFiles(pickup));
        await using var check = _database.NewContext();
        var row = await check.OutboxEmails.SingleAsync();
        Assert.Null(row.SentAtUtc);
        Assert.Contains("turned e-mail off", row.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(2048)]
    [InlineData(10)]
    public void Contents_are_cut_on_a_UTF8_character_boundary(int max)
    {
        var text = string.Concat(Enumerable.Repeat("招商引资😀ab", 500));
        var cut = RobotPayloads.Utf8Cut(text, max);
        var bytes = Encoding.UTF8.GetBytes(cut);
        Assert.True(bytes.Length <= max, $"{bytes.Length} > {max}");
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal(cut, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        Assert.DoesNotContain('\uFFFD', cut);
        Assert.Equal("短", RobotPayloads.Utf8Cut("短", max));
    }

    [Fact]
    public void A_WeCom_markdown_of_a_long_notice_fits_4096_bytes_and_keeps_the_mention()
    {
        var json = RobotPayloads.WeCom(new RobotMessage(new string('长', 3000), new string('文', 3000), "http://x/projects/1", null, "zhangsan"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var content = document.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.True(Encoding.UTF8.GetByteCount(content) <= RobotPayloads.WeComMarkdownBytes);
        Assert.EndsWith("<@zhangsan>", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channels_creation_is_in_the_audit_trail_with_its_key_and_secret_masked()
    {
        var channel = await AddChannelAsync(ChannelKind.DingTalk, _receiver.DingTalkSecret);
        await using var db = _database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(NotificationChannel) && e.EntityId == channel.ToString());
        Assert.DoesNotContain(_receiver.DingTalkSecret, entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("dd0123456789token", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"Secret\"", entry.Changes, StringComparison.Ordinal);
    }

    private async Task<Guid> AddChannelAsync(ChannelKind kind, string? secret = null, string language = "zh-CN", Guid? sectorId = null)
    {
        await using var db = _database.NewContext();
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        var channel = new NotificationChannel(kind, $"{kind} 测试群 {Guid.NewGuid():N}"[..30], kind == ChannelKind.WeCom ? _receiver.WeComUrl : _receiver.DingTalkUrl, secret, language, now);
        channel.AssignSector(sectorId, now);
        db.NotificationChannels.Add(channel);
        await db.SaveChangesAsync();
        return channel.Id;
    }

    private async Task ChooseAsync(Guid? wecom, Guid? dingtalk, string? mobile, string? imUserId, bool emailEnabled = true)
    {
        await using var db = _database.NewContext();
        var settings = new UserNotificationSettings(_officer);
        settings.Change(emailEnabled, mobile, imUserId, wecom, dingtalk, _database.Clock.GetUtcNow().UtcDateTime);
        db.UserNotificationSettings.Add(settings);
        await db.SaveChangesAsync();
    }

    private async Task NotifyAsync(string title)
    {
        await using var db = _database.NewContext();
        new Notifier(db, _database.Clock).Notify(_officer, "test.notice", M.JobReminder.With(("title", title)), M.JobReminderBody.With(("code", "RT-1"), ("name", "测试项目")), $"/projects/{_scenario.Projects[0].Id}");
        await db.SaveChangesAsync();
    }

    private async Task<int> DispatchAsync()
    {
        await using var db = _database.NewContext();
        var sender = new RobotSender(new OneClient(), _database.Clock);
        var result = await new DispatchChannelMessagesHandler(db, sender, Options.Create(new MailOptions()), _database.Clock)
            .Handle(new DispatchChannelMessages(), CancellationToken.None);
        return result.Effects;
    }

    private sealed class OneClient : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(10) };
    }
}

public sealed class SqliteChannelDispatchTests() : ChannelDispatchTests(DatabaseProvider.Sqlite);

public sealed class PostgresChannelDispatchTests() : ChannelDispatchTests(DatabaseProvider.PostgreSql);
