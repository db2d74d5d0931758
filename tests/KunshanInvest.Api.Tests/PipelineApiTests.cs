using System.Net;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects.GetProjectFlags;
using KunshanInvest.Application.Reports.GetFunnelMatrix;
using KunshanInvest.Application.Reports.GetPipelineFunnel;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// Project reassignment, the project's flags and the funnel matrix over SQLite and PostgreSQL: a manager accepts the
/// 六未 proposal (follow-ups move, both owners are told, the change is audited, the escalation is settled), officers
/// and bad input are refused, the list carries the level and filters by it, and the matrix equals the funnel's counts
/// in the reader's scope with a statement count that does not grow with the rows.
/// </summary>
public abstract class PipelineApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>Puts the project where the 六未 sweep leaves one it escalated to <paramref name="level"/> in this stay.</summary>
    private async Task EscalateAsync(Guid projectId, int level, DateTime atUtc) =>
        await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.EscalationLevel, level)
            .SetProperty(p => p.EscalatedAtUtc, (DateTime?)atUtc)
            .SetProperty(p => p.EscalatedStageEnteredAtUtc, p => (DateTime?)p.StageEnteredAtUtc)));

    [Fact]
    public async Task A_manager_accepts_the_reassignment_proposal_and_the_old_owners_open_follow_ups_move_with_the_project()
    {
        var (oldOwner, oldClient) = await fixture.NewUserAsync(Roles.Officer);
        var (newOwner, _) = await fixture.NewUserAsync(Roles.Officer);
        var (managerId, manager) = await fixture.NewUserAsync(Roles.Manager);
        var project = await fixture.NewProjectAsync(oldOwner);
        var followUps = await fixture.AddFollowUpsAsync(project, oldOwner, 3, 10);
        var others = await fixture.AddFollowUpsAsync(project, managerId, 5);
        var escalatedAt = DateTime.UtcNow.AddDays(-2);
        await EscalateAsync(project, 3, escalatedAt);

        var response = await manager.GetAsync($"/api/v1/projects/{project}/flags");
        var flags = await ReportApiTests<TApp>.ReadAsync<ProjectFlags>(response);
        Assert.Equal(3, flags.EscalationLevel);
        Assert.NotNull(flags.Proposal);
        Assert.Equal(escalatedAt, flags.Proposal!.SinceUtc, TimeSpan.FromSeconds(1));
        Assert.True(flags.MayReassign);
        Assert.Equal(2, flags.OwnersOpenFollowUps);
        Assert.Contains(flags.Candidates, c => c.Id == newOwner && !c.IsManager);
        Assert.DoesNotContain(flags.Candidates, c => c.Id == oldOwner);
        Assert.NotNull(flags.Proposal.SuggestedOwnerId);

        var reassigned = await (await manager.PostAsync($"/api/v1/projects/{project}/reassign", new { ownerId = newOwner, reason = "六未升级,转交给新专员" }, response.Headers.ETag!.ToString())).JsonAsync();
        Assert.Equal(2, reassigned.GetProperty("followUpsMoved").GetInt32());

        var (owner, level, stamp) = await fixture.QueryAsync(async db =>
        {
            var p = await db.Projects.AsNoTracking().SingleAsync(x => x.Id == project);
            return (p.OwnerId, p.EscalationLevel, p.EscalatedStageEnteredAtUtc);
        });
        Assert.Equal((newOwner, 0, (DateTime?)null), (owner, level, stamp));
        var assignees = await fixture.QueryAsync(db => db.FollowUps.Where(f => f.ProjectId == project).OrderBy(f => f.Id).Select(f => new { f.Id, f.AssigneeId }).ToListAsync());
        Assert.All(assignees.Where(a => followUps.Contains(a.Id)), a => Assert.Equal(newOwner, a.AssigneeId));
        Assert.Equal(managerId, assignees.Single(a => a.Id == others[0]).AssigneeId);

        var notices = await fixture.QueryAsync(db => db.Notifications.Where(n => n.Link == $"/projects/{project}" && n.Kind == "project.reassigned").Select(n => new { n.UserId, n.TitleCode }).ToListAsync());
        Assert.Contains(notices, n => n.UserId == newOwner && n.TitleCode == "notice.project.reassigned_to_you");
        Assert.Contains(notices, n => n.UserId == oldOwner && n.TitleCode == "notice.project.reassigned_away");

        var row = await fixture.QueryAsync(db => db.ProjectReassignments.SingleAsync(r => r.ProjectId == project));
        Assert.Equal((oldOwner, newOwner, managerId, 3, 2), (row.FromOwnerId, row.ToOwnerId, row.ByUserId, row.EscalationLevel, row.FollowUpsMoved));
        var audit = await fixture.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(ProjectReassignment) && a.EntityId == row.Id.ToString()).ToListAsync());
        var created = Assert.Single(audit);
        Assert.Equal(AuditAction.Created, created.Action);
        Assert.Contains("六未升级", created.Changes, StringComparison.Ordinal);
        Assert.Equal(managerId, created.ActorId);

        var after = await ReportApiTests<TApp>.ReadAsync<ProjectFlags>(await manager.GetAsync($"/api/v1/projects/{project}/flags"));
        Assert.Null(after.Proposal);
        var history = Assert.Single(after.Reassignments);
        Assert.Equal("六未升级,转交给新专员", history.Reason);

        var officerView = await ReportApiTests<TApp>.ReadAsync<ProjectFlags>(await oldClient.GetAsync($"/api/v1/projects/{project}/flags"));
        Assert.False(officerView.MayReassign);
        Assert.Empty(officerView.Candidates);
    }

    [Fact]
    public async Task Officers_are_refused_and_bad_input_is_a_problem_naming_the_field()
    {
        var (owner, ownerClient) = await fixture.NewUserAsync(Roles.Officer);
        var (other, _) = await fixture.NewUserAsync(Roles.Officer);
        var (_, auditor) = await fixture.NewUserAsync(Roles.Auditor);
        var (_, manager) = await fixture.NewUserAsync(Roles.Manager);
        var project = await fixture.NewProjectAsync(owner);
        var etag = (await manager.GetAsync($"/api/v1/projects/{project}/flags")).Headers.ETag!.ToString();

        await (await ownerClient.PostAsync($"/api/v1/projects/{project}/reassign", new { ownerId = other, reason = "自己转交" }, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await auditor.PostAsync($"/api/v1/projects/{project}/reassign", new { ownerId = other, reason = "审计" }, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        async Task<string> CodeAsync(object body, string field)
        {
            var problem = await (await manager.PostAsync($"/api/v1/projects/{project}/reassign", body, etag)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            return problem.GetProperty("codes").EnumerateObject().Single(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString()!;
        }

        Assert.Equal("project.reassign_reason", await CodeAsync(new { ownerId = other, reason = "  " }, "reason"));
        Assert.Equal("project.reassign_reason_length", await CodeAsync(new { ownerId = other, reason = new string('理', 501) }, "reason"));
        Assert.Equal("project.reassign_same", await CodeAsync(new { ownerId = owner, reason = "同一人" }, "ownerId"));
        Assert.Equal("project.reassign_owner", await CodeAsync(new { ownerId = Guid.NewGuid(), reason = "无此人" }, "ownerId"));
        await (await manager.PostAsync($"/api/v1/projects/{project}/reassign", new { ownerId = other, reason = "无版本" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await manager.PostAsync($"/api/v1/projects/{project}/reassign", new { ownerId = other, reason = "旧版本" }, "\"999\"")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostAsync($"/api/v1/projects/{Guid.NewGuid()}/reassign", new { ownerId = other, reason = "无项目" }, etag)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(owner, await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task The_list_carries_the_escalation_level_and_the_stale_flag_and_filters_the_escalated()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var escalated = await fixture.NewProjectAsync(owner);
        var quiet = await fixture.NewProjectAsync(owner);
        await EscalateAsync(escalated, 2, DateTime.UtcNow.AddDays(-1));
        var flaggedAt = DateTime.UtcNow;
        await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == escalated).ExecuteUpdateAsync(s => s.SetProperty(p => p.StaleFlaggedAtUtc, (DateTime?)flaggedAt)));

        var all = await (await client.GetAsync("/api/v1/projects?owner=me&pageSize=10&sort=Code&desc=false")).JsonAsync();
        var items = all.GetProperty("items").EnumerateArray().ToDictionary(i => i.Id(), i => i);
        Assert.Equal(2, items[escalated].GetProperty("escalationLevel").GetInt32());
        Assert.Equal(flaggedAt, items[escalated].GetProperty("staleSinceUtc").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(0, items[quiet].GetProperty("escalationLevel").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[quiet].GetProperty("staleSinceUtc").ValueKind);

        var only = await (await client.GetAsync("/api/v1/projects?owner=me&escalated=true")).JsonAsync();
        Assert.Equal([escalated], only.GetProperty("items").EnumerateArray().Select(i => i.Id()));
        var none = await (await client.GetAsync("/api/v1/projects?owner=me&escalated=false")).JsonAsync();
        Assert.Equal([quiet], none.GetProperty("items").EnumerateArray().Select(i => i.Id()));
    }

    [Fact]
    public async Task The_matrix_equals_the_funnels_counts_per_sector_and_stage_in_the_readers_scope()
    {
        var (a, _) = await fixture.NewUserAsync(Roles.Officer);
        var (b, officerB) = await fixture.NewUserAsync(Roles.Officer);
        var (checker, _) = await fixture.NewUserAsync(Roles.Manager);
        var s = ReportScenario.Create(DateTime.UtcNow, a, b).AddFigures(checker);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KunshanInvest.Infrastructure.Persistence.AppDbContext>();
            db.AddRange(s.Sector, s.Park);
            db.AddRange(s.Enterprises);
            db.AddRange(s.Projects);
            await db.SaveChangesAsync();
        }

        using var manager = await fixture.ClientAsync("manager");
        var query = ReportApiTests<TApp>.Query(s);
        var matrix = await ReportApiTests<TApp>.ReadAsync<FunnelMatrix>(await manager.GetAsync($"/api/v1/reports/funnel-matrix{query}"));
        var funnel = await ReportApiTests<TApp>.ReadAsync<PipelineFunnel>(await manager.GetAsync($"/api/v1/reports/funnel{query}"));

        Assert.Equal(ProjectStages.Pipeline, matrix.Stages);
        var row = Assert.Single(matrix.Rows);
        Assert.Equal((s.Sector.Id, s.Sector.NameZh, s.Sector.NameEn), (row.SectorId!.Value, row.SectorNameZh, row.SectorNameEn));
        foreach (var stage in ProjectStages.Pipeline)
        {
            var cell = row.Cells.Single(c => c.Stage == stage);
            Assert.Equal(s.Projects.Count(p => p.Stage == stage), cell.Projects);
            Assert.Equal(funnel.Cells.Where(c => c.Stage == stage).Sum(c => c.PledgedFen), cell.PledgedFen);
        }

        Assert.Equal(s.Projects.Count(p => p.Stage.IsPipeline()), row.Projects);
        Assert.Equal(row.Projects, matrix.Totals.Sum(t => t.Projects));

        var own = await ReportApiTests<TApp>.ReadAsync<FunnelMatrix>(await officerB.GetAsync($"/api/v1/reports/funnel-matrix{ReportApiTests<TApp>.Query(s, officer: a)}"));
        Assert.Equal(s.Projects.Count(p => p.OwnerId == b && p.Stage.IsPipeline()), own.Rows.Sum(r => r.Projects));

        var bad = await manager.GetAsync("/api/v1/reports/funnel-matrix?from=2026-06-30&to=2026-01-01");
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var xlsx = await manager.GetAsync($"/api/v1/reports/funnel-matrix.csv{query}");
        xlsx.EnsureSuccessStatusCode();
        var workbook = await manager.GetAsync($"/api/v1/reports/export.xlsx{query}");
        await using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, sheetName: "漏斗矩阵").Cast<IDictionary<string, object?>>().ToList();
        var total = sheet.Single(r => (string?)r["产业链"] == "合计");
        Assert.Equal(row.Projects, Convert.ToInt32(total["合计项目数"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_matrix_and_the_flags_cost_the_same_statements_as_rows_grow()
    {
        var (owner, _) = await fixture.NewUserAsync(Roles.Officer);
        var (_, manager) = await fixture.NewUserAsync(Roles.Manager);
        var project = await fixture.NewProjectAsync(owner);
        await fixture.AddFollowUpsAsync(project, owner, 1);

        async Task<(int Matrix, int Flags)> MeasureAsync() => (
            (await fixture.App.Sql.Measure(async () => (await manager.GetAsync("/api/v1/reports/funnel-matrix")).EnsureSuccessStatusCode())).Count,
            (await fixture.App.Sql.Measure(async () => (await manager.GetAsync($"/api/v1/projects/{project}/flags")).EnsureSuccessStatusCode())).Count);

        var other = await fixture.UserIdAsync("officer2");
        await fixture.WriteAsync(db => db.ProjectReassignments.Add(new ProjectReassignment(project, other, owner, other, "测试", 0, 0, DateTime.UtcNow)));
        var before = await MeasureAsync();
        for (var i = 0; i < 5; i++)
        {
            await fixture.NewProjectAsync(owner);
        }

        await fixture.AddFollowUpsAsync(project, owner, 2, 3, 4);
        await fixture.WriteAsync(db => db.ProjectReassignments.AddRange(Enumerable.Range(1, 3).Select(i => new ProjectReassignment(project, owner, other, other, $"测试 {i}", 0, 0, DateTime.UtcNow))));

        Assert.Equal(before, await MeasureAsync());
    }
}

public sealed class SqlitePipelineApiTests(SqliteApp fixture) : PipelineApiTests<SqliteApp>(fixture);

public sealed class PostgresPipelineApiTests(PostgresApp fixture) : PipelineApiTests<PostgresApp>(fixture);
