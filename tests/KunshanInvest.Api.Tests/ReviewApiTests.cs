using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// The review endpoints over SQLite and PostgreSQL (ADR 0032): the owner submits, a reviewer gives an opinion and a
/// manager decides; the wrong role is a 403, bad input a 400/422 naming the field, a decided round a 409; the stage
/// gate's 422 names the missing review of a major project until it passes; each change lands in the audit trail.
/// </summary>
public abstract class ReviewApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static object Sheet(long investmentWan = 30_000, long taxWan = 3_000, double landMu = 50, string use = "Industrial", string environmental = "ReportForm") =>
        new { use, landMu, totalInvestmentFen = investmentWan * 1_000_000, annualTaxFen = taxWan * 1_000_000, annualEnergyTce = 1_200.5, environmental, jobs = 300, meetingOn = "2026-06-20" };

    /// <summary>A project of the owner's in 洽谈 with everything 签约 needs but the review, pledging 3亿 (major by default).</summary>
    private async Task<Guid> NegotiatingAsync(Guid owner)
    {
        var project = await fixture.NewProjectAsync(owner);
        var (sector, park) = await fixture.QueryAsync(async db => (await db.Sectors.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(), await db.Parks.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()));
        await fixture.QueryAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == project);
            p.Place(p.EnterpriseId, sector, park);
            p.Pledge(Money.CnyWan(30_000m), null, 300, null, null, 50);
            p.MoveTo(ProjectStage.Negotiating, new StageActor(owner, false), null, DateTime.UtcNow, StageFacts.None);
            return await db.SaveChangesAsync();
        });
        return project;
    }

    private async Task<HttpResponseMessage> SignAsync(HttpClient client, Guid project)
    {
        var version = await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync());
        return await client.PostAsync($"/api/v1/projects/{project}/stage", new { target = "Signed" }, $"W/\"{version}\"");
    }

    [Fact]
    public async Task A_major_project_fails_on_intensity_is_revised_passes_and_signs_and_every_step_is_audited()
    {
        var (owner, officer) = await fixture.NewUserAsync(Roles.Officer);
        using var manager = await fixture.ClientAsync("manager");
        var project = await NegotiatingAsync(owner);

        var refused = await (await SignAsync(officer, project)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var missing = Assert.Single(refused.GetProperty("missing").EnumerateArray());
        Assert.Equal(("reviews", "gate.signed.review"), (missing.GetProperty("field").GetString(), missing.GetProperty("code").GetString()));

        var first = await officer.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet(investmentWan: 20_000));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var round1 = await first.JsonAsync();
        var shortfall = Assert.Single(round1.GetProperty("shortfalls").EnumerateArray());
        Assert.Equal("review.shortfall.investment_intensity", shortfall.GetProperty("code").GetString());
        Assert.Contains("400", shortfall.GetProperty("text").GetString(), StringComparison.Ordinal);

        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{round1.Id()}/opinions", new { kind = "Reject", comment = "投资强度不足", scores = new { intensity = 40 } })).JsonAsync();
        var plainPass = await (await manager.PostAsJsonAsync($"/api/v1/reviews/{round1.Id()}/decision", new { outcome = "Passed" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("review.shortfalls", plainPass.GetProperty("code").GetString());
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{round1.Id()}/decision", new { outcome = "Failed", text = "投资强度 400 万元/亩,低于 500 万元/亩" })).JsonAsync();
        await (await SignAsync(officer, project)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var round2 = await (await officer.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet())).JsonAsync();
        Assert.Equal((2, 0), (round2.GetProperty("round").GetInt32(), round2.GetProperty("shortfalls").GetArrayLength()));
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{round2.Id()}/opinions", new { kind = "Approve" })).JsonAsync();
        var decided = await (await manager.PostAsJsonAsync($"/api/v1/reviews/{round2.Id()}/decision", new { outcome = "Passed" })).JsonAsync();
        Assert.Equal("Passed", decided.GetProperty("outcome").GetString());

        var signed = await SignAsync(officer, project);
        Assert.Equal("Signed", (await signed.JsonAsync()).GetProperty("to").GetString());

        var rounds = await (await officer.GetAsync($"/api/v1/projects/{project}/reviews")).JsonAsync();
        Assert.Equal([2, 1], rounds.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("round").GetInt32()));
        Assert.True(rounds.GetProperty("hasPassed").GetBoolean());

        var audited = await fixture.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityId == round1.Id().ToString() || a.EntityId == round2.Id().ToString() || a.EntityType == "ReviewOpinion")
            .Select(a => new { a.EntityType, a.Action, a.Changes }).ToListAsync());
        Assert.Contains(audited, a => a.EntityType == "ProjectReview" && a.Action == Domain.Auditing.AuditAction.Created);
        Assert.Contains(audited, a => a.EntityType == "ProjectReview" && a.Changes.Contains("Outcome", StringComparison.Ordinal));
        Assert.Contains(audited, a => a.EntityType == "ReviewOpinion" && a.Changes.Contains("投资强度不足", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_roles_are_refused_and_a_named_reviewer_may_speak()
    {
        var (owner, officer) = await fixture.NewUserAsync(Roles.Officer);
        var (colleagueId, colleague) = await fixture.NewUserAsync(Roles.Officer);
        using var admin = await fixture.ClientAsync("admin");
        using var manager = await fixture.ClientAsync("manager");
        using var auditor = await fixture.ClientAsync("auditor");
        var project = await NegotiatingAsync(owner);

        await (await colleague.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/api/v1/projects/{project}/reviews")).StatusCode);
        var review = await (await officer.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet())).JsonAsync();

        var notReviewer = await (await colleague.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("review.not_reviewer", notReviewer.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/decision", new { outcome = "Passed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/decision", new { outcome = "Passed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/admin/reviewers/")).StatusCode);

        var named = await admin.PostAsJsonAsync("/api/v1/admin/reviewers/", new { userId = colleagueId, note = "应急管理(安全)" });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        await (await admin.PostAsJsonAsync("/api/v1/admin/reviewers/", new { userId = colleagueId })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync("/api/v1/admin/reviewers/", new { userId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var spoken = await (await colleague.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Reject", comment = "安全距离不足", veto = "Safety" })).JsonAsync();
        Assert.Equal("Safety", spoken.GetProperty("opinions")[0].GetProperty("veto").GetString());
        var vetoed = await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/decision", new { outcome = "PassedWithConditions", text = "整改" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("review.vetoed", vetoed.GetProperty("code").GetString());

        var list = await (await admin.GetAsync("/api/v1/admin/reviewers/")).JsonAsync();
        var entry = list.EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == colleagueId);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/reviewers/{entry.Id()}")).StatusCode);
        await (await colleague.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("landMu", 0d, "review.land_mu")]
    [InlineData("landMu", 200000d, "review.land_mu")]
    [InlineData("totalInvestmentFen", 0d, "review.investment")]
    [InlineData("annualTaxFen", -1d, "review.tax")]
    [InlineData("annualEnergyTce", -0.5d, "review.energy")]
    [InlineData("jobs", -3d, "review.jobs")]
    public async Task Bad_input_is_a_400_naming_the_field_with_its_code(string field, double value, string code)
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var project = await NegotiatingAsync(owner);
        var body = JsonSerializer.SerializeToNode(Sheet())!.AsObject();
        body[field] = field == "jobs" ? (int)value : field.EndsWith("Fen", StringComparison.Ordinal) ? (long)value : value;

        var problem = await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("codes").EnumerateObject().Single(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString());
        Assert.Equal(0, await fixture.QueryAsync(db => db.ProjectReviews.CountAsync(r => r.ProjectId == project)));
    }

    [Fact]
    public async Task Unknown_enums_malformed_bodies_and_texts_are_400_and_rules_are_422()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        using var manager = await fixture.ClientAsync("manager");
        var project = await NegotiatingAsync(owner);

        await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet(use: "Farming"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet(environmental: "Loud"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync($"/api/v1/projects/{project}/reviews", new StringContent("{\"use\":", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/reviews", Sheet())).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var review = await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet())).JsonAsync();
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve", comment = new string('长', 2001) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve", scores = new { site = 120 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve", comment = "a\u0000b" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var noComment = await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "ApproveWithConditions" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("review.opinion_comment", noComment.GetProperty("code").GetString());
        var noReasons = await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/decision", new { outcome = "Failed" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("review.reasons_required", noReasons.GetProperty("code").GetString());
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{Guid.NewGuid()}/decision", new { outcome = "Failed", text = "无" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/reviews/?view=Sideways")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/reviews/?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_decided_round_is_a_409_and_a_passed_review_takes_no_new_round()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        using var manager = await fixture.ClientAsync("manager");
        var project = await NegotiatingAsync(owner);
        var review = await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet())).JsonAsync();
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve" })).JsonAsync();
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/decision", new { outcome = "PassedWithConditions", text = "两年内达到亩均税收 60 万元" })).JsonAsync();

        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/decision", new { outcome = "Failed", text = "再议" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostAsJsonAsync($"/api/v1/reviews/{review.Id()}/opinions", new { kind = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var again = await (await client.PostAsJsonAsync($"/api/v1/projects/{project}/reviews", Sheet())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("review.already_passed", again.GetProperty("code").GetString());

        var decided = await (await client.GetAsync($"/api/v1/reviews/?view=Decided&search={Uri.EscapeDataString(await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Code).SingleAsync()))}")).JsonAsync();
        Assert.Equal("PassedWithConditions", decided.GetProperty("items")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_project_not_in_negotiation_cannot_be_put_to_review()
    {
        var (owner, client) = await fixture.NewUserAsync(Roles.Officer);
        var lead = await fixture.NewProjectAsync(owner);

        var problem = await (await client.PostAsJsonAsync($"/api/v1/projects/{lead}/reviews", Sheet())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("review.stage", problem.GetProperty("code").GetString());
    }
}

public sealed class SqliteReviewApiTests(SqliteApp fixture) : ReviewApiTests<SqliteApp>(fixture);

public sealed class PostgresReviewApiTests(PostgresApp fixture) : ReviewApiTests<PostgresApp>(fixture);

public sealed class ReviewConfigurationTests
{
    [Theory]
    [InlineData("ProjectReview:Thresholds:Industrial:1999:MinTaxWanPerMu", "50")]
    [InlineData("ProjectReview:Thresholds:Research:2026:MinInvestmentWanPerMu", "-1")]
    [InlineData("ProjectReview:MajorFromWan", "-10")]
    public void A_bad_threshold_or_major_amount_is_refused_at_start_up(string key, string value)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();
        var services = new ServiceCollection().AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        KunshanInvest.Application.DependencyInjection.AddApplication(services);
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("ProjectReview", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_thresholds_join_the_defaults_per_land_use_and_year()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ProjectReview:Thresholds:Industrial:2026:MinInvestmentWanPerMu"] = "600",
                ["ProjectReview:Thresholds:Industrial:2026:MinTaxWanPerMu"] = "55",
            })
            .Build();
        var services = new ServiceCollection().AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        KunshanInvest.Application.DependencyInjection.AddApplication(services);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<KunshanInvest.Application.Reviews.ProjectReviewOptions>>().Value;

        Assert.Equal(new Domain.Reviews.EntryThresholds(500_0000_00, 50_0000_00, 3000_0000_00), options.For(Domain.Carriers.CarrierUse.Industrial, 2025));
        Assert.Equal(new Domain.Reviews.EntryThresholds(600_0000_00, 55_0000_00, null), options.For(Domain.Carriers.CarrierUse.Industrial, 2026));
        Assert.Equal(Domain.Reviews.EntryThresholds.None, options.For(Domain.Carriers.CarrierUse.Commercial, 2026));
    }
}
