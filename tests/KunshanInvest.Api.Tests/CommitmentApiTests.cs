using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The commitment endpoints over SQLite and PostgreSQL: the owner records and amends, a colleague and the wrong role
/// are refused, bad input is a 400/422 problem naming the field, states come from verified figures and milestones, the
/// overview and its workbook are the managers', statement counts do not grow with the rows, and the daily check run
/// twice at once flags a missed commitment once.
/// </summary>
public abstract class CommitmentApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly DateOnly Today = StaffWork.KunshanToday;

    private static object Body(string metric, long? target, DateOnly checkOn, string? clause = null) =>
        new { metric, target, checkOn = checkOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clause };

    [Fact]
    public async Task The_owner_records_amends_and_removes_a_commitment_and_a_colleague_may_only_read_it()
    {
        var (owner, ownerClient) = await fixture.NewUserAsync(Roles.Officer);
        var (_, colleague) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(owner);

        var created = await ownerClient.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", Body("AnnualOutput", 5_0000_0000_00, Today.AddDays(30), "第七条"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var commitment = await created.JsonAsync();
        Assert.Equal("Due", commitment.GetProperty("state").GetString());
        var etag = created.Headers.ETag!.ToString();

        await (await colleague.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", Body("AnnualTax", 1, Today))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await colleague.SendAsync(Put($"/api/v1/commitments/{commitment.Id()}", Body("AnnualTax", 1, Today), etag))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var seen = await (await colleague.GetAsync($"/api/v1/projects/{project}/commitments")).JsonAsync();
        Assert.Equal(commitment.Id(), seen[0].Id());

        var amended = await ownerClient.SendAsync(Put($"/api/v1/commitments/{commitment.Id()}", Body("AnnualOutput", 6_0000_0000_00, Today.AddDays(60), "补充协议"), etag));
        Assert.Equal(6_0000_0000_00, (await amended.JsonAsync()).GetProperty("target").GetInt64());
        await (await ownerClient.SendAsync(Put($"/api/v1/commitments/{commitment.Id()}", Body("AnnualOutput", 1, Today), etag))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await ownerClient.SendAsync(Put($"/api/v1/commitments/{commitment.Id()}", Body("AnnualOutput", 1, Today), null))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        using var remove = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/commitments/{commitment.Id()}");
        remove.Headers.IfMatch.Add(amended.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.SendAsync(remove)).StatusCode);
        Assert.Equal(0, (await (await ownerClient.GetAsync($"/api/v1/projects/{project}/commitments")).JsonAsync()).GetArrayLength());
        await (await ownerClient.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/commitments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("AnnualTax", -5L, "2026-12-31", "target", "commitment.target")]
    [InlineData("AnnualTax", null, "2026-12-31", "target", "commitment.target")]
    [InlineData("ProductionStart", 5L, "2026-12-31", "target", "commitment.date_no_target")]
    [InlineData("ProductionStart", null, "1999-12-31", "checkOn", "commitment.check_on")]
    public async Task Bad_input_is_a_400_naming_the_field_with_its_code(string metric, long? target, string checkOn, string field, string code)
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(owner);

        var problem = await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new { metric, target, checkOn })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("codes").EnumerateObject().Single(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
    }

    [Fact]
    public async Task An_unknown_metric_or_a_malformed_date_is_a_400_and_nothing_is_saved()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(owner);

        await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new { metric = "Happiness", target = 1, checkOn = "2026-12-31" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new { metric = "AnnualTax", target = 1, checkOn = "31/12/2026" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new { metric = "AnnualTax", target = long.MaxValue, checkOn = "2026-12-31" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new { metric = "AnnualTax", target = 1, checkOn = "2026-12-31", clause = "第\u0000条" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0, await fixture.QueryAsync(db => db.Commitments.CountAsync(c => c.ProjectId == project)));
    }

    [Fact]
    public async Task States_come_from_verified_figures_and_the_overview_and_its_workbook_are_for_managers()
    {
        var (owner, ownerClient) = await fixture.NewUserAsync(Roles.Officer);
        var checker = await fixture.UserIdAsync("manager");
        var project = await fixture.NewProjectAsync(owner);
        var metOn = Today.AddDays(-2);
        var met = await (await ownerClient.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", Body("CumulativeFixedAssetInvestment", 100_0000_00, metOn))).JsonAsync();
        var missed = await (await ownerClient.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", Body("ConstructionStart", null, Today.AddDays(-1)))).JsonAsync();
        var now = DateTime.UtcNow;
        var figure = new FigureEntry(project, FigureKind.FixedAssetInvestment, FigurePeriod.OfDate(metOn), 100_0000_00, "CNY", 100_0000_00, null, null, owner, now);
        figure.Verify(checker, now);
        await fixture.WriteAsync(db => db.FigureEntries.Add(figure));

        var list = await (await ownerClient.GetAsync($"/api/v1/projects/{project}/commitments")).JsonAsync();
        Assert.Equal(["Met", "Missed"], list.EnumerateArray().OrderBy(c => c.GetProperty("checkOn").GetString()).Select(c => c.GetProperty("state").GetString()));

        using var manager = await fixture.ClientAsync("manager");
        var overview = await (await manager.GetAsync($"/api/v1/commitments?view=Missed&officerId={owner}")).JsonAsync();
        Assert.Equal([missed.Id()], overview.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("commitment").Id()));
        Assert.Equal(1, overview.GetProperty("missed").GetInt32());
        await (await ownerClient.GetAsync("/api/v1/commitments")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await ownerClient.GetAsync("/api/v1/commitments/export.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.GetAsync("/api/v1/commitments?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.GetAsync("/api/v1/commitments?view=Everything")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var xlsx = await manager.GetAsync($"/api/v1/commitments/export.xlsx?view=Missed&officerId={owner}");
        xlsx.EnsureSuccessStatusCode();
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["开工"], rows.Select(r => (string?)r["承诺指标"]));
        Assert.Equal(met.Id(), list.EnumerateArray().Single(c => c.GetProperty("state").GetString() == "Met").Id());
    }

    [Fact]
    public async Task Listing_a_projects_commitments_sends_as_many_statements_for_twenty_as_for_one()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(owner);
        (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", Body("AnnualTax", 1, Today))).EnsureSuccessStatusCode();
        var one = await fixture.App.Sql.Measure(async () => (await client.GetAsync($"/api/v1/projects/{project}/commitments")).EnsureSuccessStatusCode());

        foreach (var i in Enumerable.Range(1, 19))
        {
            (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", i % 2 == 0 ? Body("AnnualOutput", i, Today.AddDays(i - 10)) : Body("ProductionStart", null, Today.AddDays(i)))).EnsureSuccessStatusCode();
        }

        var twenty = await fixture.App.Sql.Measure(async () => (await client.GetAsync($"/api/v1/projects/{project}/commitments")).EnsureSuccessStatusCode());
        Assert.Equal(one.Count, twenty.Count);
        Assert.InRange(one.Count, 1, 3);
    }

    [Fact]
    public async Task Two_checks_at_once_flag_a_missed_commitment_once_to_its_owner_and_each_manager_and_a_third_finds_nothing()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await fixture.NewProjectAsync(owner);
        var missed = await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", Body("ProductionStart", null, Today.AddDays(-1)))).JsonAsync();

        async Task<JobResult> RunAsync()
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(JobNames.CommitmentCheck, CancellationToken.None);
        }

        await Task.WhenAll(RunAsync(), RunAsync());
        var third = await RunAsync();

        var managers = await fixture.QueryAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.Manager).Join(db.Users.Where(u => !u.IsDisabled), x => x.UserId, u => u.Id, (x, u) => u.Id).Distinct().CountAsync());
        var notices = await fixture.QueryAsync(db => db.Notifications.Where(n => n.SubjectId == missed.Id()).Select(n => n.UserId).ToListAsync());
        Assert.Equal(1 + managers, notices.Count);
        Assert.Equal(notices.Count, notices.Distinct().Count());
        Assert.Contains(owner, notices);
        Assert.Equal(0, third.Effects);
        Assert.NotNull(await fixture.QueryAsync(db => db.Commitments.Where(c => c.Id == missed.Id()).Select(c => c.MissedFlaggedAtUtc).SingleAsync()));
    }

    private static HttpRequestMessage Put(string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return request;
    }
}

public sealed class SqliteCommitmentApiTests(SqliteApp fixture) : CommitmentApiTests<SqliteApp>(fixture);

public sealed class PostgresCommitmentApiTests(PostgresApp fixture) : CommitmentApiTests<PostgresApp>(fixture);
