using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>Interactions and the project timeline, over SQLite and a real PostgreSQL server.</summary>
public abstract class InteractionContractTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/api/v1/interactions" },
        { "GET", $"/api/v1/interactions/{Guid.CreateVersion7()}" },
        { "GET", $"/api/v1/projects/{Guid.CreateVersion7()}/timeline" },
    };

    public static TheoryData<string, string, string> OutsiderCalls => Outsiders(Endpoints);

    [Fact]
    public async Task Recording_an_interaction_touches_the_project_and_schedules_the_owners_follow_up()
    {
        var owner = await fixture.UserIdAsync("officer");
        var project = await fixture.NewProjectAsync(owner);
        using var colleague = await fixture.ClientAsync("officer2");
        var occurredAt = DateTimeOffset.UtcNow.AddHours(-2);
        var due = StaffWork.KunshanToday.AddDays(3);

        var response = await colleague.PostAsJsonAsync("/api/v1/interactions", new
        {
            projectId = project,
            kind = "siteInspection",
            occurredAt,
            summary = "陪同企业考察标准厂房",
            nextSteps = "发送厂房租赁方案",
            followUpOn = due,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("W/\"0\"", response.Headers.ETag?.ToString());
        var recorded = await response.JsonAsync();
        var interaction = recorded.GetProperty("interaction");
        Assert.Equal("SiteInspection", interaction.GetProperty("kind").GetString());
        var followUp = recorded.GetProperty("followUp");
        Assert.Equal(owner, followUp.Id("assigneeId"));
        Assert.Equal("发送厂房租赁方案", followUp.GetProperty("title").GetString());

        using var reader = await fixture.ClientAsync("officer");
        var fetched = await reader.GetAsync(response.Headers.Location);
        Assert.Equal(interaction.Id(), (await fetched.JsonAsync()).Id());
        Assert.Equal("W/\"0\"", fetched.Headers.ETag?.ToString());

        var stored = await fixture.QueryAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project));
        Assert.Equal(occurredAt.UtcDateTime, stored.LastActivityAtUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(due, stored.NextFollowUpOn);
        Assert.True(await fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == owner && n.Title.Contains("发送厂房租赁方案"))));
    }

    [Fact]
    public async Task Bad_fields_give_400_naming_each_field()
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.PostAsJsonAsync("/api/v1/interactions", new
        {
            projectId = project,
            kind = "Teleport",
            occurredAt = DateTimeOffset.UtcNow.AddDays(3),
            summary = "  ",
            followUpOn = StaffWork.KunshanToday.AddDays(-1),
        });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "kind", "occurredAt", "summary", "nextSteps", "followUpOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        }
    }

    [Fact]
    public async Task Naming_neither_project_nor_enterprise_is_a_400_on_projectId()
    {
        using var officer = await fixture.ClientAsync("officer");

        var response = await officer.PostAsJsonAsync("/api/v1/interactions", new { kind = "Call", occurredAt = DateTimeOffset.UtcNow, summary = "电话" });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("projectId", out _), errors.ToString());
    }

    [Fact]
    public async Task Unknown_ids_give_404()
    {
        using var officer = await fixture.ClientAsync("officer");
        var unknown = Guid.CreateVersion7();

        await (await officer.PostAsJsonAsync("/api/v1/interactions", new { projectId = unknown, kind = "Call", occurredAt = DateTimeOffset.UtcNow, summary = "电话" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.PostAsJsonAsync("/api/v1/interactions", new { enterpriseId = unknown, kind = "Call", occurredAt = DateTimeOffset.UtcNow, summary = "电话" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/v1/interactions/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/v1/projects/{unknown}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(OutsiderCalls))]
    public async Task Partners_and_auditors_get_403(string userName, string method, string path)
    {
        using var client = await fixture.ClientAsync(userName);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = fixture.Anonymous();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_timeline_merges_interactions_and_stage_changes_newest_first_with_who_did_them()
    {
        var project = await fixture.NewProjectAsync(await fixture.UserIdAsync("officer"));
        using var officer = await fixture.ClientAsync("officer");
        using var colleague = await fixture.ClientAsync("officer2");
        var earlier = DateTimeOffset.UtcNow.AddDays(-2);
        (await officer.PostAsJsonAsync("/api/v1/interactions", new { projectId = project, kind = "Visit", occurredAt = earlier, summary = "首次走访" })).EnsureSuccessStatusCode();
        (await colleague.PostAsJsonAsync("/api/v1/interactions", new { projectId = project, kind = "WeChat", occurredAt = earlier.AddDays(1), summary = "微信沟通" })).EnsureSuccessStatusCode();

        var timeline = await (await officer.GetAsync($"/api/v1/projects/{project}/timeline")).JsonAsync();

        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["Interaction", "Interaction", "StageChange"], entries.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["微信沟通", "首次走访"], entries.Take(2).Select(e => e.GetProperty("summary").GetString()));
        Assert.Equal(DisplayName("officer2"), entries[0].GetProperty("actorName").GetString());
        Assert.Equal(DisplayName("officer"), entries[1].GetProperty("actorName").GetString());
        Assert.Equal("Lead", entries[2].GetProperty("toStage").GetString());
        Assert.Equal(DisplayName("officer"), entries[2].GetProperty("actorName").GetString());
        Assert.False(timeline.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task The_timeline_takes_the_same_number_of_statements_for_3_or_30_interactions()
    {
        var officerId = await fixture.UserIdAsync("officer");
        var few = await fixture.NewProjectAsync(officerId);
        var many = await fixture.NewProjectAsync(officerId);
        await fixture.AddInteractionsAsync(few, officerId, 3);
        await fixture.AddInteractionsAsync(many, officerId, 30);
        using var officer = await fixture.ClientAsync("officer");
        JsonElement fewTimeline = default, manyTimeline = default;

        var fewSql = await fixture.App.Sql.Measure(async () => fewTimeline = await (await officer.GetAsync($"/api/v1/projects/{few}/timeline")).JsonAsync());
        var manySql = await fixture.App.Sql.Measure(async () => manyTimeline = await (await officer.GetAsync($"/api/v1/projects/{many}/timeline")).JsonAsync());

        Assert.Equal(4, fewTimeline.GetProperty("entries").GetArrayLength());
        Assert.Equal(31, manyTimeline.GetProperty("entries").GetArrayLength());
        Assert.Equal(fewSql.Count, manySql.Count);
        Assert.InRange(fewSql.Count, 1, 4);
    }

    internal static string DisplayName(string userName) => IdentitySeeder.DemoAccounts.Single(a => a.UserName == userName).DisplayName;

    internal static TheoryData<string, string, string> Outsiders(TheoryData<string, string> endpoints)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var userName in new[] { "partner", "auditor" })
        {
            foreach (var row in endpoints)
            {
                data.Add(userName, row.Data.Item1, row.Data.Item2);
            }
        }

        return data;
    }
}

public sealed class SqliteInteractionTests(SqliteApp fixture) : InteractionContractTests<SqliteApp>(fixture);

public sealed class PostgresInteractionTests(PostgresApp fixture) : InteractionContractTests<PostgresApp>(fixture);
