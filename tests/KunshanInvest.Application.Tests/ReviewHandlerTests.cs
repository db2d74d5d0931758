using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Projects.MoveStage;
using KunshanInvest.Application.Reviews;
using KunshanInvest.Application.Reviews.CheckReviewSheet;
using KunshanInvest.Application.Reviews.DecideReview;
using KunshanInvest.Application.Reviews.ListProjectReviews;
using KunshanInvest.Application.Reviews.ListReviews;
using KunshanInvest.Application.Reviews.NameReviewer;
using KunshanInvest.Application.Reviews.RecordReviewOpinion;
using KunshanInvest.Application.Reviews.RemoveReviewer;
using KunshanInvest.Application.Reviews.SubmitReview;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reviews;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// 项目评审 through its handlers on a real database of each provider (the clock stands at 30 June 2026): who may give an
/// opinion and decide, rounds, the thresholds of configuration per land use and year, the 签约 gate for major and
/// not-major projects, and fixed statement counts.
/// </summary>
public abstract class ReviewHandlerTests(DatabaseProvider provider)
{
    private sealed record World(TestDatabase Database, Guid Officer, Guid Colleague, Guid Manager, Guid Admin, Guid Sector, Guid Park) : IAsyncDisposable
    {
        public ProjectReviewOptions Options { get; set; } = new();

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private async Task<World> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var manager = await database.AddStaffAsync("manager", Roles.Manager);
        var admin = await database.AddStaffAsync("admin", Roles.Admin);
        await using var db = database.NewContext();
        var sector = new Sector($"S{Guid.NewGuid():N}"[..10], "评审产业", "Review sector");
        var park = new Park($"P{Guid.NewGuid():N}"[..10], "评审园区", "Review park", null);
        db.AddRange(sector, park);
        await db.SaveChangesAsync();
        return new World(database, officer, colleague, manager, admin, sector.Id, park.Id);
    }

    private static void As(World w, Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        w.Database.User = user;
    }

    /// <summary>A project of the officer's in 洽谈 with everything 签约 needs but a review, pledging <paramref name="pledgedWan"/> 万元.</summary>
    private static async Task<Guid> ProjectAsync(World w, decimal pledgedWan = 30_000m, bool flaggedMajor = false)
    {
        await using var db = w.Database.NewContext();
        var code = $"KR-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var enterprise = new Enterprise($"评审企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"评审项目 {code}", SourceChannel.WalkIn, w.Officer, w.Database.Clock.GetUtcNow().UtcDateTime.AddDays(-60));
        project.Place(enterprise.Id, w.Sector, w.Park);
        project.Pledge(Money.CnyWan(pledgedWan), null, 300, null, null, 50);
        project.Estimate(null, flaggedMajor);
        project.MoveTo(ProjectStage.Negotiating, new StageActor(w.Officer, false), null, w.Database.Clock.GetUtcNow().UtcDateTime.AddDays(-30), StageFacts.None);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static SubmitReview Sheet(Guid project, long investmentWan = 30_000, long taxWan = 3_000, DateOnly? meetingOn = null, CarrierUse use = CarrierUse.Industrial) =>
        new(project, use, 50, investmentWan * 1_000_000, taxWan * 1_000_000, 1_200, EnvironmentalCategory.ReportForm, 300, meetingOn);

    private static async Task<ReviewDto> SubmitAsync(World w, SubmitReview command)
    {
        await using var db = w.Database.NewContext();
        return await new SubmitReviewHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock, Options.Create(w.Options)).Handle(command, CancellationToken.None);
    }

    private static async Task<ReviewDto> OpinionAsync(World w, Guid review, ReviewOpinionKind kind, string? comment = null, ReviewVeto? veto = null)
    {
        await using var db = w.Database.NewContext();
        return await new RecordReviewOpinionHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock)
            .Handle(new RecordReviewOpinion(review, kind, comment, veto, null), CancellationToken.None);
    }

    private static async Task<ReviewDto> DecideAsync(World w, Guid review, ReviewOutcome outcome, string? text)
    {
        await using var db = w.Database.NewContext();
        return await new DecideReviewHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock)
            .Handle(new DecideReview(review, outcome, text), CancellationToken.None);
    }

    private static async Task<ProjectReviews> ListAsync(World w, Guid project)
    {
        await using var db = w.Database.NewContext();
        return await new ListProjectReviewsHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), Options.Create(w.Options)).Handle(new ListProjectReviews(project), CancellationToken.None);
    }

    private static async Task<StageMoved> SignAsync(World w, Guid project)
    {
        await using var db = w.Database.NewContext();
        var version = await db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync();
        return await new MoveStageHandler(db, w.Database.User, w.Database.Clock, Options.Create(new AboveScaleOptions()), Options.Create(w.Options))
            .Handle(new MoveStage(project, ProjectStage.Signed, null, version), CancellationToken.None);
    }

    private static async Task PassAsync(World w, Guid review)
    {
        As(w, w.Manager, Roles.Manager);
        await OpinionAsync(w, review, ReviewOpinionKind.Approve);
        await DecideAsync(w, review, ReviewOutcome.Passed, null);
        As(w, w.Officer, Roles.Officer);
    }

    // ---- reviewers ----

    [Fact]
    public async Task Only_managers_and_the_users_an_admin_named_give_opinions()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var review = await SubmitAsync(w, Sheet(await ProjectAsync(w)));

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => OpinionAsync(w, review.Id, ReviewOpinionKind.Approve));
        As(w, w.Admin, Roles.Admin);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => OpinionAsync(w, review.Id, ReviewOpinionKind.Approve));

        ReviewerDto named;
        await using (var db = w.Database.NewContext())
        {
            named = await new NameReviewerHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock).Handle(new NameReviewer(w.Colleague, "生态环境"), CancellationToken.None);
        }

        As(w, w.Colleague, Roles.Officer);
        await OpinionAsync(w, review.Id, ReviewOpinionKind.Reject, "排放总量指标不足", ReviewVeto.Environment);
        w.Database.Clock.Now = w.Database.Clock.Now.AddMinutes(1);
        As(w, w.Manager, Roles.Manager);
        var both = await OpinionAsync(w, review.Id, ReviewOpinionKind.Approve);

        Assert.Equal([(w.Colleague, ReviewOpinionKind.Reject, (ReviewVeto?)ReviewVeto.Environment), (w.Manager, ReviewOpinionKind.Approve, null)],
            both.Opinions.Select(o => (o.ReviewerId, o.Kind, o.Veto)));
        Assert.Equal("colleague", both.Opinions[0].ReviewerName);

        // Withdrawn, the colleague speaks no more; the opinion given stays with the round.
        As(w, w.Admin, Roles.Admin);
        await using (var db = w.Database.NewContext())
        {
            await new RemoveReviewerHandler(db).Handle(new RemoveReviewer(named.Id), CancellationToken.None);
        }

        As(w, w.Colleague, Roles.Officer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => OpinionAsync(w, review.Id, ReviewOpinionKind.Approve));
        Assert.Equal(2, (await ListAsync(w, review.ProjectId)).Rounds.Single().Opinions.Count);
    }

    [Fact]
    public async Task Only_staff_can_be_named_and_only_once()
    {
        await using var w = await WorldAsync();
        var partner = await w.Database.AddStaffAsync("partner", Roles.Partner);
        As(w, w.Admin, Roles.Admin);
        await using var db = w.Database.NewContext();
        var handler = new NameReviewerHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock);

        Assert.Equal("reviewer.not_staff", (await Assert.ThrowsAsync<DomainRuleException>(() => handler.Handle(new NameReviewer(partner, null), CancellationToken.None).AsTask())).Code);
        await handler.Handle(new NameReviewer(w.Officer, null), CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => handler.Handle(new NameReviewer(w.Officer, null), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Another_officer_cannot_submit_the_owners_project()
    {
        await using var w = await WorldAsync();
        var project = await ProjectAsync(w);
        As(w, w.Colleague, Roles.Officer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => SubmitAsync(w, Sheet(project)));
    }

    // ---- rounds and thresholds ----

    [Fact]
    public async Task A_failed_round_is_revised_the_rounds_are_kept_and_the_second_passes()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var project = await ProjectAsync(w);
        var first = await SubmitAsync(w, Sheet(project, investmentWan: 20_000));
        Assert.Equal(["review.shortfall.investment_intensity"], first.Shortfalls.Select(s => s.Code));
        Assert.Equal((400m, 60m), (first.InvestmentWanPerMu, first.TaxWanPerMu));

        As(w, w.Manager, Roles.Manager);
        await OpinionAsync(w, first.Id, ReviewOpinionKind.Reject, "投资强度不足");
        await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(w, first.Id, ReviewOutcome.Passed, null));
        await DecideAsync(w, first.Id, ReviewOutcome.Failed, "投资强度 400 万元/亩,低于 500 万元/亩");

        As(w, w.Officer, Roles.Officer);
        var second = await SubmitAsync(w, Sheet(project));
        await PassAsync(w, second.Id);

        var list = await ListAsync(w, project);
        Assert.Equal([(2, ReviewStatus.Decided, (ReviewOutcome?)ReviewOutcome.Passed), (1, ReviewStatus.Decided, ReviewOutcome.Failed)],
            list.Rounds.Select(r => (r.Round, r.Status, r.Outcome)));
        Assert.True(list.HasPassed);
        Assert.False(list.CanSubmit);
        await Assert.ThrowsAsync<DomainConflictException>(() => SubmitAsync(w, Sheet(project)));
        As(w, w.Manager, Roles.Manager);
        await Assert.ThrowsAsync<DomainConflictException>(() => DecideAsync(w, second.Id, ReviewOutcome.Failed, "再议"));
    }

    [Fact]
    public async Task The_thresholds_are_the_configured_ones_of_the_land_use_and_the_meetings_year()
    {
        await using var w = await WorldAsync();
        w.Options.Thresholds[CarrierUse.Industrial][2027] = new ThresholdEntry { MinInvestmentWanPerMu = 700, MinTaxWanPerMu = 50 };
        w.Options.Thresholds[CarrierUse.Commercial] = new() { [2020] = new ThresholdEntry { MinTaxWanPerMu = 80 } };
        As(w, w.Officer, Roles.Officer);

        var thisYear = await SubmitAsync(w, Sheet(await ProjectAsync(w)));
        var nextYear = await SubmitAsync(w, Sheet(await ProjectAsync(w), meetingOn: new DateOnly(2027, 1, 15)));
        var commercial = await SubmitAsync(w, Sheet(await ProjectAsync(w), use: CarrierUse.Commercial));

        Assert.Equal((2026, 500_0000_00L, 3000_0000_00L), (thisYear.ThresholdYear, thisYear.MinInvestmentFenPerMu!.Value, thisYear.MinTotalInvestmentFen!.Value));
        Assert.Empty(thisYear.Shortfalls);
        Assert.Equal((2027, 700_0000_00L, (long?)null), (nextYear.ThresholdYear, nextYear.MinInvestmentFenPerMu!.Value, nextYear.MinTotalInvestmentFen));
        Assert.Equal(["review.shortfall.investment_intensity"], nextYear.Shortfalls.Select(s => s.Code));
        Assert.Equal(["review.shortfall.tax_per_mu"], commercial.Shortfalls.Select(s => s.Code));

        // The live check answers the same from the same configuration.
        var check = await new CheckReviewSheetHandler(w.Database.Clock, Options.Create(w.Options))
            .Handle(new CheckReviewSheet(CarrierUse.Industrial, 50, 30_000_000_000, 3_000_000_000, 0, EnvironmentalCategory.RegistrationForm, 0, new DateOnly(2027, 5, 1)), CancellationToken.None);
        Assert.Equal(["review.shortfall.investment_intensity"], check.Shortfalls.Select(s => s.Code));
        Assert.Contains("600", check.Shortfalls[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_up_check_refuses_a_bad_year_or_a_negative_threshold()
    {
        Assert.Empty(new ProjectReviewOptions().Problems());
        var bad = new ProjectReviewOptions { MajorFromWan = -1 };
        bad.Thresholds[CarrierUse.Industrial][1999] = new ThresholdEntry { MinTaxWanPerMu = -5 };

        Assert.Equal(3, bad.Problems().Count);
    }

    // ---- the 签约 gate ----

    [Fact]
    public async Task A_major_project_signs_only_after_a_passed_review_and_the_refusal_names_it()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var project = await ProjectAsync(w, pledgedWan: 30_000m); // 3亿 ≥ 1亿

        var refused = await Assert.ThrowsAsync<StageGateException>(() => SignAsync(w, project));
        Assert.Equal(["reviews"], refused.Missing.Select(m => m.Field));
        Assert.True((await ListAsync(w, project)).RequiredToSign);

        var review = await SubmitAsync(w, Sheet(project));
        await Assert.ThrowsAsync<StageGateException>(() => SignAsync(w, project)); // pending is not passed
        await PassAsync(w, review.Id);

        Assert.Equal(ProjectStage.Signed, (await SignAsync(w, project)).To);
    }

    [Fact]
    public async Task A_project_that_is_not_major_signs_without_review_and_the_flag_makes_one_major()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var small = await ProjectAsync(w, pledgedWan: 5_000m);
        var flagged = await ProjectAsync(w, pledgedWan: 5_000m, flaggedMajor: true);

        Assert.Equal(ProjectStage.Signed, (await SignAsync(w, small)).To);
        Assert.False((await ListAsync(w, small)).IsMajor);
        await Assert.ThrowsAsync<StageGateException>(() => SignAsync(w, flagged));
    }

    [Fact]
    public async Task Configuration_sets_the_major_amount_and_can_switch_the_gate_off()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var project = await ProjectAsync(w, pledgedWan: 30_000m);
        w.Options.MajorFromWan = 50_000; // 5亿: the 3亿 pledge is not major
        Assert.False((await ListAsync(w, project)).IsMajor);
        w.Options.MajorFromWan = 10_000;
        w.Options.RequireForMajor = false;

        Assert.False((await ListAsync(w, project)).RequiredToSign);
        Assert.Equal(ProjectStage.Signed, (await SignAsync(w, project)).To);
    }

    // ---- the list and statement counts ----

    [Fact]
    public async Task The_review_list_puts_pending_first_filters_in_sql_and_takes_three_statements_whatever_the_rows()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var failed = await SubmitAsync(w, Sheet(await ProjectAsync(w), investmentWan: 20_000));
        As(w, w.Manager, Roles.Manager);
        await OpinionAsync(w, failed.Id, ReviewOpinionKind.Reject, "强度不足");
        await DecideAsync(w, failed.Id, ReviewOutcome.Failed, "强度不足");
        As(w, w.Officer, Roles.Officer);
        var pending = await SubmitAsync(w, Sheet(await ProjectAsync(w)));

        var few = await CountAsync(w, new ListReviews());
        Assert.Equal([pending.Id, failed.Id], few.Result.Items.Select(i => i.Id));
        Assert.Equal((2, 1, 1, 1), (few.Result.Total, few.Result.PendingCount, few.Result.Items[1].ShortfallCount, few.Result.Items[1].OpinionCount));
        Assert.Equal([failed.Id], (await CountAsync(w, new ListReviews(ReviewListView.Decided, ReviewOutcome.Failed))).Result.Items.Select(i => i.Id));
        Assert.Empty((await CountAsync(w, new ListReviews(Use: CarrierUse.Research))).Result.Items);
        Assert.Equal([pending.Id], (await CountAsync(w, new ListReviews(Search: await CodeAsync(w, pending.ProjectId)))).Result.Items.Select(i => i.Id));

        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync(w, Sheet(await ProjectAsync(w)));
        }

        var many = await CountAsync(w, new ListReviews(PageSize: 5));
        Assert.Equal((few.Statements, 5, 8), (many.Statements, many.Result.Items.Count, many.Result.Total));
        Assert.Equal(3, many.Statements);
    }

    [Fact]
    public async Task A_projects_rounds_take_the_same_statements_for_one_round_as_for_five()
    {
        await using var w = await WorldAsync();
        As(w, w.Officer, Roles.Officer);
        var project = await ProjectAsync(w);
        await SubmitAsync(w, Sheet(project, investmentWan: 20_000));
        As(w, w.Manager, Roles.Manager);
        var one = await StatementsAsync(w, project);
        for (var i = 0; i < 4; i++)
        {
            As(w, w.Officer, Roles.Officer);
            var round = await SubmitAsync(w, Sheet(project, investmentWan: 20_000 + i));
            As(w, w.Manager, Roles.Manager);
            await OpinionAsync(w, round.Id, ReviewOpinionKind.Reject, $"第 {i} 轮");
        }

        var five = await StatementsAsync(w, project);
        Assert.Equal(one, five);
    }

    private static async Task<string> CodeAsync(World w, Guid project)
    {
        await using var db = w.Database.NewContext();
        return await db.Projects.Where(p => p.Id == project).Select(p => p.Code).SingleAsync();
    }

    private static async Task<(int Statements, ReviewList Result)> CountAsync(World w, ListReviews query)
    {
        var counter = new StatementCounter();
        await using var db = w.Database.NewContext(counter);
        var result = await new ListReviewsHandler(db).Handle(query, CancellationToken.None);
        return (counter.Queries.Count, result);
    }

    private static async Task<int> StatementsAsync(World w, Guid project)
    {
        var counter = new StatementCounter();
        await using var db = w.Database.NewContext(counter);
        var result = await new ListProjectReviewsHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), Options.Create(w.Options)).Handle(new ListProjectReviews(project), CancellationToken.None);
        Assert.NotEmpty(result.Rounds);
        return counter.Queries.Count;
    }
}

public sealed class SqliteReviewHandlerTests() : ReviewHandlerTests(DatabaseProvider.Sqlite);

public sealed class PostgresReviewHandlerTests() : ReviewHandlerTests(DatabaseProvider.PostgreSql);
