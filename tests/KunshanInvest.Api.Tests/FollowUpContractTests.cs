using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>Follow-ups (跟进任务), over SQLite and a real PostgreSQL server.</summary>
public abstract class FollowUpContractTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/api/v1/follow-ups" },
        { "GET", "/api/v1/follow-ups/mine" },
        { "GET", $"/api/v1/follow-ups/{Guid.CreateVersion7()}" },
        { "POST", $"/api/v1/follow-ups/{Guid.CreateVersion7()}/complete" },
        { "POST", $"/api/v1/follow-ups/{Guid.CreateVersion7()}/reassign" },
        { "PUT", $"/api/v1/follow-ups/{Guid.CreateVersion7()}" },
        { "POST", $"/api/v1/follow-ups/{Guid.CreateVersion7()}/reschedule" },
        { "POST", $"/api/v1/follow-ups/{Guid.CreateVersion7()}/cancel" },
        { "GET", $"/api/v1/projects/{Guid.CreateVersion7()}/follow-ups" },
    };

    public static TheoryData<string, string, string> OutsiderCalls => InteractionContractTests<TApp>.Outsiders(Endpoints);

    [Fact]
    public async Task Creating_a_follow_up_gives_201_with_its_location_and_etag_and_moves_the_projects_next_date()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var due = StaffWork.KunshanToday.AddDays(2);

        var response = await client.PostAsJsonAsync("/api/v1/follow-ups", new { projectId = project, dueOn = due, title = "确认环评批复时间" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("W/\"0\"", response.Headers.ETag?.ToString());
        var created = await response.JsonAsync();
        Assert.Equal(me, created.Id("assigneeId"));
        var fetched = await client.GetAsync(response.Headers.Location);
        Assert.Equal(created.Id(), (await fetched.JsonAsync()).Id());
        Assert.Equal("W/\"0\"", fetched.Headers.ETag?.ToString());
        var listed = await (await client.GetAsync($"/api/v1/projects/{project}/follow-ups")).JsonAsync();
        Assert.Equal([created.Id()], listed.EnumerateArray().Select(f => f.Id()));
        Assert.Equal(due, await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync()));
    }

    [Fact]
    public async Task Bad_fields_give_400_naming_each_field()
    {
        using var officer = await fixture.ClientAsync("officer");

        var missingDue = await officer.PostAsJsonAsync("/api/v1/follow-ups", new { projectId = Guid.CreateVersion7(), title = "" });
        var pastDue = await officer.PostAsJsonAsync("/api/v1/follow-ups", new { projectId = Guid.CreateVersion7(), title = "t", dueOn = StaffWork.KunshanToday.AddDays(-1) });

        var errors = (await missingDue.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("dueOn", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("title", out _), errors.ToString());
        errors = (await pastDue.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("dueOn", out _), errors.ToString());
    }

    [Fact]
    public async Task Unknown_ids_give_404()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var followUp = (await fixture.AddFollowUpsAsync(project, me, 1))[0];
        var unknown = Guid.CreateVersion7();

        await (await client.PostAsJsonAsync("/api/v1/follow-ups", new { projectId = unknown, dueOn = StaffWork.KunshanToday, title = "t" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/follow-ups/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/v1/follow-ups/{unknown}/complete", null, "W/\"0\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/v1/follow-ups/{unknown}/reassign", new { assigneeId = me }, "W/\"0\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/projects/{unknown}/follow-ups")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/v1/follow-ups/{followUp}/reassign", new { assigneeId = unknown }, "W/\"0\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Completing_needs_if_match_rejects_a_stale_one_and_then_closes_the_follow_up()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var ids = await fixture.AddFollowUpsAsync(project, me, 1, 4);

        await (await client.PostAsync($"/api/v1/follow-ups/{ids[0]}/complete", new { note = "n" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.PostAsync($"/api/v1/follow-ups/{ids[0]}/complete", new { note = "n" }, "W/\"5\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var done = await client.PostAsync($"/api/v1/follow-ups/{ids[0]}/complete", null, "W/\"0\"");

        var body = await done.JsonAsync();
        Assert.Equal("Done", body.GetProperty("status").GetString());
        Assert.Equal("W/\"1\"", done.Headers.ETag?.ToString());
        Assert.Equal(StaffWork.KunshanToday.AddDays(4), await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync()));
        await (await client.PostAsync($"/api/v1/follow-ups/{ids[0]}/complete", new { note = "again" }, "W/\"1\"")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Another_officer_may_not_complete_someone_elses_follow_up()
    {
        var (me, _) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var followUp = (await fixture.AddFollowUpsAsync(project, me, 1))[0];
        using var other = await fixture.ClientAsync("officer2");

        await (await other.PostAsync($"/api/v1/follow-ups/{followUp}/complete", null, "W/\"0\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(FollowUpStatus.Open, await fixture.QueryAsync(db => db.FollowUps.Where(f => f.Id == followUp).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task Reassigning_needs_if_match_and_the_right_person_and_tells_the_new_assignee()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var (colleague, colleagueClient) = await fixture.NewUserAsync(Roles.Officer);
        var (_, bystander) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var followUp = (await fixture.AddFollowUpsAsync(project, me, 2))[0];
        var newDue = StaffWork.KunshanToday.AddDays(6);

        await (await client.PostAsync($"/api/v1/follow-ups/{followUp}/reassign", new { assigneeId = colleague }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.PostAsync($"/api/v1/follow-ups/{followUp}/reassign", new { assigneeId = colleague }, "W/\"3\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var invalid = await client.PostAsync($"/api/v1/follow-ups/{followUp}/reassign", new { dueOn = StaffWork.KunshanToday.AddDays(-3) }, "W/\"0\"");
        var errors = (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("assigneeId", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("dueOn", out _), errors.ToString());
        await (await bystander.PostAsync($"/api/v1/follow-ups/{followUp}/reassign", new { assigneeId = colleague }, "W/\"0\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var moved = await client.PostAsync($"/api/v1/follow-ups/{followUp}/reassign", new { assigneeId = colleague, dueOn = newDue }, "W/\"0\"");

        var body = await moved.JsonAsync();
        Assert.Equal(colleague, body.Id("assigneeId"));
        Assert.Equal("W/\"1\"", moved.Headers.ETag?.ToString());
        var inbox = await (await colleagueClient.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt32());
        Assert.Contains("任务 1", inbox.GetProperty("latest")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        var mine = await (await colleagueClient.GetAsync("/api/v1/follow-ups/mine")).JsonAsync();
        Assert.Equal([followUp], mine.GetProperty("upcoming").EnumerateArray().Select(f => f.Id()));
        Assert.Equal(newDue, await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync()));
    }

    [Fact]
    public async Task My_follow_ups_come_as_overdue_today_and_the_next_14_days()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var (colleague, _) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var ids = await fixture.AddFollowUpsAsync(project, me, -3, 0, 14, 15);
        await fixture.AddFollowUpsAsync(project, colleague, 0);

        var mine = await (await client.GetAsync("/api/v1/follow-ups/mine")).JsonAsync();

        Assert.Equal(StaffWork.KunshanToday, DateOnly.Parse(mine.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([ids[0]], mine.GetProperty("overdue").EnumerateArray().Select(f => f.Id()));
        Assert.Equal([ids[1]], mine.GetProperty("dueToday").EnumerateArray().Select(f => f.Id()));
        Assert.Equal([ids[2]], mine.GetProperty("upcoming").EnumerateArray().Select(f => f.Id()));
        var item = mine.GetProperty("dueToday")[0];
        Assert.StartsWith("KT-", item.GetProperty("projectCode").GetString(), StringComparison.Ordinal);
        Assert.Equal("Lead", item.GetProperty("projectStage").GetString());
        Assert.Equal(0, item.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task My_follow_ups_take_the_same_number_of_statements_for_3_or_30_rows()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        await fixture.AddFollowUpsAsync(project, me, -1, 0, 1);
        JsonElement few = default, many = default;

        var fewSql = await fixture.App.Sql.Measure(async () => few = await (await client.GetAsync("/api/v1/follow-ups/mine")).JsonAsync());
        await fixture.AddFollowUpsAsync(project, me, [.. Enumerable.Range(0, 27).Select(i => i % 9 - 4)]);
        var manySql = await fixture.App.Sql.Measure(async () => many = await (await client.GetAsync("/api/v1/follow-ups/mine")).JsonAsync());

        Assert.Equal(3, Count(few));
        Assert.Equal(30, Count(many));
        Assert.Equal(fewSql.Count, manySql.Count);
        Assert.Single(manySql);

        static int Count(JsonElement mine) => new[] { "overdue", "dueToday", "upcoming" }.Sum(g => mine.GetProperty(g).GetArrayLength());
    }

    [Fact]
    public async Task The_demo_officer_starts_with_overdue_today_and_upcoming_work()
    {
        using var officer = await fixture.ClientAsync("officer");

        var mine = await (await officer.GetAsync("/api/v1/follow-ups/mine")).JsonAsync();

        Assert.All(new[] { "overdue", "dueToday", "upcoming" }, group => Assert.True(mine.GetProperty(group).GetArrayLength() > 0, $"{group} is empty: {mine}"));
    }

    [Fact]
    public async Task Edit_reschedule_and_cancel_carry_the_version_and_a_completed_follow_up_answers_422_with_its_code()
    {
        var (me, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(me);
        var ids = await fixture.AddFollowUpsAsync(project, me, 2, 4);
        var later = StaffWork.KunshanToday.AddDays(9);

        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/follow-ups/{ids[0]}") { Content = JsonContent.Create(new { title = "改为上门拜访", notes = "带图册" }) };
        edit.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse("W/\"0\""));
        var edited = await client.SendAsync(edit);
        var moved = await client.PostAsync($"/api/v1/follow-ups/{ids[0]}/reschedule", new { dueOn = later, reason = "客户出差" }, edited.Headers.ETag!.ToString());
        var stale = await client.PostAsync($"/api/v1/follow-ups/{ids[0]}/cancel", new { reason = "不需要" }, "W/\"0\"");
        var noReason = await client.PostAsync($"/api/v1/follow-ups/{ids[1]}/cancel", new { reason = "" }, "W/\"0\"");
        await (await client.PostAsync($"/api/v1/follow-ups/{ids[1]}/complete", null, "W/\"0\"")).JsonAsync();
        var closed = await client.PostAsync($"/api/v1/follow-ups/{ids[1]}/reschedule", new { dueOn = later }, "W/\"1\"");

        Assert.Equal("带图册", (await edited.JsonAsync()).GetProperty("notes").GetString());
        var body = await moved.JsonAsync();
        Assert.Equal(later, DateOnly.Parse(body.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("W/\"2\"", moved.Headers.ETag?.ToString());
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(FollowUp.ClosedCode, (await closed.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(later, await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync()));
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
}

public sealed class SqliteFollowUpTests(SqliteApp fixture) : FollowUpContractTests<SqliteApp>(fixture);

public sealed class PostgresFollowUpTests(PostgresApp fixture) : FollowUpContractTests<PostgresApp>(fixture);
