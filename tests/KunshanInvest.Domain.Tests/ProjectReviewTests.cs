using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reviews;

namespace KunshanInvest.Domain.Tests;

/// <summary>项目评审: the threshold check, rounds, opinions, outcomes and their texts, and the 签约 entry gate (ADR 0032).</summary>
public sealed class ProjectReviewTests
{
    private static readonly Guid Officer = TestProjects.Officer.UserId!.Value;
    private static readonly Guid ManagerId = TestProjects.Manager.UserId!.Value;
    private static readonly Guid Reviewer = Guid.Parse("0197a000-0000-7000-8000-00000000f0a1");
    private static readonly DateTime Now = TestProjects.T0.AddDays(10);

    /// <summary>Taicang's industrial thresholds (DOMAIN.md): 500万元/亩 investment, 50万元/亩 tax, 3000万元 for own land.</summary>
    private static readonly EntryThresholds Industrial = new(500_0000_00, 50_0000_00, 3000_0000_00);

    /// <summary>50 亩, 3亿 (600万/亩), 3000万 tax a year (60万/亩): above every industrial threshold.</summary>
    private static ReviewSheet Sheet(long investmentWan = 30_000, long taxWan = 3_000, double mu = 50, CarrierUse use = CarrierUse.Industrial) =>
        new(use, mu, investmentWan * 1_000_000, taxWan * 1_000_000, 1_200, EnvironmentalCategory.ReportForm, 300, new DateOnly(2026, 3, 20));

    private static ProjectReview Round1(ReviewSheet? sheet = null, EntryThresholds? thresholds = null) =>
        ProjectReview.Submit(TestProjects.WithSigningEvidence(ProjectStage.Negotiating), null, sheet ?? Sheet(), 2026, thresholds ?? Industrial, Officer, Now);

    // ---- the threshold check ----

    [Fact]
    public void A_sheet_above_every_threshold_has_no_shortfall_and_its_intensities_are_per_mu()
    {
        var sheet = Sheet();
        Assert.Equal(600_0000_00, sheet.InvestmentFenPerMu);
        Assert.Equal(60_0000_00, sheet.TaxFenPerMu);
        Assert.Empty(ReviewCheck.Shortfalls(sheet, Industrial));
    }

    [Fact]
    public void Investment_intensity_below_the_threshold_is_named_with_the_actual_and_the_minimum_in_wan()
    {
        var shortfall = Assert.Single(ReviewCheck.Shortfalls(Sheet(investmentWan: 20_000), Industrial));

        Assert.Equal(ReviewShortfall.InvestmentIntensity, shortfall.Code);
        Assert.Equal(400m, shortfall.Args["actual"]);
        Assert.Equal(500m, shortfall.Args["min"]);
    }

    [Fact]
    public void Tax_per_mu_below_the_threshold_is_named()
    {
        var shortfall = Assert.Single(ReviewCheck.Shortfalls(Sheet(taxWan: 2_000), Industrial));

        Assert.Equal((ReviewShortfall.TaxPerMu, 40m, 50m), (shortfall.Code, shortfall.Args["actual"], shortfall.Args["min"]));
    }

    [Fact]
    public void A_project_under_the_own_land_minimum_is_named_even_at_a_high_intensity()
    {
        // 5 亩 at 2500万: 500万/亩 and 50万/亩 pass, but under 3000万 the project belongs in standard factories.
        var found = ReviewCheck.Shortfalls(Sheet(investmentWan: 2_500, taxWan: 250, mu: 5), Industrial);

        var shortfall = Assert.Single(found);
        Assert.Equal((ReviewShortfall.TotalInvestment, 2500m, 3000m), (shortfall.Code, shortfall.Args["actual"], shortfall.Args["min"]));
    }

    [Fact]
    public void Every_shortfall_is_named_at_once_in_a_fixed_order()
    {
        var found = ReviewCheck.Shortfalls(Sheet(investmentWan: 1_000, taxWan: 100, mu: 10), Industrial);

        Assert.Equal([ReviewShortfall.InvestmentIntensity, ReviewShortfall.TaxPerMu, ReviewShortfall.TotalInvestment], found.Select(s => s.Code));
    }

    [Fact]
    public void Exactly_at_a_threshold_is_not_a_shortfall_and_unset_thresholds_are_not_checked()
    {
        Assert.Empty(ReviewCheck.Shortfalls(Sheet(investmentWan: 25_000, taxWan: 2_500), Industrial)); // 500 and 50 exactly
        Assert.Empty(ReviewCheck.Shortfalls(Sheet(investmentWan: 1, taxWan: 0), EntryThresholds.None));
        Assert.Single(ReviewCheck.Shortfalls(Sheet(investmentWan: 1, taxWan: 0), new EntryThresholds(null, 1, null)));
    }

    // ---- rounds ----

    [Fact]
    public void A_round_keeps_the_thresholds_it_was_checked_against()
    {
        var review = Round1(Sheet(investmentWan: 20_000));

        Assert.Equal((1, ReviewStatus.Pending, 2026), (review.Round, review.Status, review.ThresholdYear));
        Assert.Equal(Industrial, review.Thresholds);
        Assert.Equal([ReviewShortfall.InvestmentIntensity], review.Shortfalls.Select(s => s.Code));
    }

    [Theory]
    [InlineData(ProjectStage.Lead)]
    [InlineData(ProjectStage.Contacted)]
    [InlineData(ProjectStage.Signed)]
    [InlineData(ProjectStage.OnHold)]
    public void Only_a_project_in_negotiation_can_be_put_to_review(ProjectStage stage)
    {
        var project = TestProjects.WithSigningEvidence(stage);

        var error = Assert.Throws<DomainRuleException>(() => ProjectReview.Submit(project, null, Sheet(), 2026, Industrial, Officer, Now));

        Assert.Equal("review.stage", error.Code);
    }

    [Fact]
    public void A_revision_after_a_failed_round_is_the_next_round_and_the_failed_one_stays_as_it_was()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);
        var first = ProjectReview.Submit(project, null, Sheet(investmentWan: 20_000), 2026, Industrial, Officer, Now);
        first.RecordOpinion(Reviewer, ReviewOpinionKind.Reject, "强度不足", null, ReviewScores.None, Now);
        first.Decide(ReviewOutcome.Failed, "投资强度低于 500 万元/亩", ManagerId, Now);

        var second = ProjectReview.Submit(project, first, Sheet(), 2026, Industrial, Officer, Now.AddDays(7));

        Assert.Equal((2, ReviewStatus.Pending), (second.Round, second.Status));
        Assert.Equal((ReviewStatus.Decided, ReviewOutcome.Failed), (first.Status, first.Outcome));
        Assert.Empty(second.Shortfalls);
    }

    [Fact]
    public void A_revision_of_a_pending_round_supersedes_it()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);
        var first = ProjectReview.Submit(project, null, Sheet(investmentWan: 20_000), 2026, Industrial, Officer, Now);

        var second = ProjectReview.Submit(project, first, Sheet(), 2026, Industrial, Officer, Now.AddHours(1));

        Assert.Equal((ReviewStatus.Superseded, Now.AddHours(1)), (first.Status, first.SupersededAtUtc));
        Assert.Equal(2, second.Round);
        Assert.Equal("review.superseded", Assert.Throws<DomainConflictException>(() => first.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now)).Code);
    }

    [Fact]
    public void A_passed_review_takes_no_new_round()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);
        var first = ProjectReview.Submit(project, null, Sheet(), 2026, Industrial, Officer, Now);
        first.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now);
        first.Decide(ReviewOutcome.Passed, null, ManagerId, Now);

        var error = Assert.Throws<DomainConflictException>(() => ProjectReview.Submit(project, first, Sheet(), 2026, Industrial, Officer, Now));

        Assert.Equal("review.already_passed", error.Code);
    }

    [Theory]
    [InlineData(0, 30_000L, 3_000L, 0)]
    [InlineData(50, 0L, 3_000L, 0)]
    [InlineData(50, 30_000L, -1L, 0)]
    [InlineData(50, 30_000L, 3_000L, -1)]
    public void A_sheet_without_land_or_investment_or_with_negative_figures_is_refused(double mu, long investmentWan, long taxWan, int jobs)
    {
        var sheet = Sheet(investmentWan, taxWan, mu) with { Jobs = jobs };

        Assert.Equal("review.sheet", Assert.Throws<DomainRuleException>(() => Round1(sheet)).Code);
    }

    // ---- opinions ----

    [Fact]
    public void Conditional_and_rejecting_opinions_need_their_comment_and_a_veto_is_a_rejection()
    {
        var review = Round1();

        Assert.Equal("review.opinion_comment", Assert.Throws<DomainRuleException>(() => review.RecordOpinion(Reviewer, ReviewOpinionKind.ApproveWithConditions, " ", null, ReviewScores.None, Now)).Code);
        Assert.Equal("review.opinion_comment", Assert.Throws<DomainRuleException>(() => review.RecordOpinion(Reviewer, ReviewOpinionKind.Reject, null, null, ReviewScores.None, Now)).Code);
        Assert.Equal("review.veto_needs_reject", Assert.Throws<DomainRuleException>(() => review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, "好", ReviewVeto.Energy, ReviewScores.None, Now)).Code);
        Assert.Equal("review.score", Assert.Throws<DomainRuleException>(() => review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None with { Site = 101 }, Now)).Code);
        Assert.Empty(review.Opinions);
    }

    [Fact]
    public void A_reviewer_who_speaks_again_replaces_their_opinion()
    {
        var review = Round1();
        review.RecordOpinion(Reviewer, ReviewOpinionKind.Reject, "能耗偏高", null, ReviewScores.None, Now);

        review.RecordOpinion(Reviewer, ReviewOpinionKind.ApproveWithConditions, "能耗指标须在开工前落实", null, ReviewScores.None with { PolicyFit = 85 }, Now.AddHours(2));

        var opinion = Assert.Single(review.Opinions);
        Assert.Equal((ReviewOpinionKind.ApproveWithConditions, 85, Now.AddHours(2)), (opinion.Kind, opinion.Scores.PolicyFit, opinion.RecordedAtUtc));
        Assert.Equal(Now.AddHours(2), review.LastOpinionAtUtc);
    }

    // ---- outcomes ----

    [Fact]
    public void Passing_with_conditions_needs_the_conditions_and_failing_needs_the_reasons()
    {
        var review = Round1();
        review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now);

        Assert.Equal("review.conditions_required", Assert.Throws<DomainRuleException>(() => review.Decide(ReviewOutcome.PassedWithConditions, "  ", ManagerId, Now)).Code);
        Assert.Equal("review.reasons_required", Assert.Throws<DomainRuleException>(() => review.Decide(ReviewOutcome.Failed, null, ManagerId, Now)).Code);

        review.Decide(ReviewOutcome.PassedWithConditions, " 须于签约前落实能耗指标 ", ManagerId, Now);

        Assert.Equal((ReviewStatus.Decided, ReviewOutcome.PassedWithConditions, "须于签约前落实能耗指标", ManagerId), (review.Status, review.Outcome, review.DecisionText, review.DecidedById));
        Assert.True(review.IsPassed);
    }

    [Fact]
    public void Nothing_passes_without_an_opinion_or_past_a_veto()
    {
        var review = Round1();
        Assert.Equal("review.no_opinions", Assert.Throws<DomainRuleException>(() => review.Decide(ReviewOutcome.Passed, null, ManagerId, Now)).Code);

        review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now);
        review.RecordOpinion(ManagerId, ReviewOpinionKind.Reject, "环评等级与园区规划环评不符", ReviewVeto.Environment, ReviewScores.None, Now);

        var vetoed = Assert.Throws<DomainRuleException>(() => review.Decide(ReviewOutcome.PassedWithConditions, "条件", ManagerId, Now));
        Assert.Equal(("review.vetoed", "环保"), (vetoed.Code, vetoed.Args["vetoZh"]));

        review.Decide(ReviewOutcome.Failed, "环保一票否决", ManagerId, Now);
        Assert.Equal(ReviewOutcome.Failed, review.Outcome);
        Assert.False(review.IsPassed);
    }

    [Fact]
    public void A_sheet_short_of_a_threshold_passes_only_with_conditions()
    {
        var review = Round1(Sheet(investmentWan: 20_000));
        review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now);

        var error = Assert.Throws<DomainRuleException>(() => review.Decide(ReviewOutcome.Passed, null, ManagerId, Now));
        Assert.Equal(("review.shortfalls", 1), (error.Code, error.Args["count"]));

        review.Decide(ReviewOutcome.PassedWithConditions, "追加投资至 2.5 亿元", ManagerId, Now);
        Assert.True(review.IsPassed);
    }

    [Fact]
    public void A_decided_round_takes_no_more_opinions_or_decisions()
    {
        var review = Round1();
        review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now);
        review.Decide(ReviewOutcome.Passed, null, ManagerId, Now);

        Assert.Equal("review.decided", Assert.Throws<DomainConflictException>(() => review.Decide(ReviewOutcome.Failed, "改主意", ManagerId, Now)).Code);
        Assert.Equal("review.decided", Assert.Throws<DomainConflictException>(() => review.RecordOpinion(Reviewer, ReviewOpinionKind.Approve, null, null, ReviewScores.None, Now)).Code);
    }

    // ---- the 签约 gate ----

    [Fact]
    public void A_major_project_without_a_passed_review_cannot_sign_and_the_gate_names_the_review()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating); // pledged 3亿 ≥ 1亿: major
        var facts = StageFacts.None with { Review = new ReviewGate(RequireForMajor: true, MajorFromFen: 1_0000_0000_00, HasPassedReview: false) };

        var error = Assert.Throws<StageGateException>(() => project.MoveTo(ProjectStage.Signed, TestProjects.Officer, null, Now, facts));

        var missing = Assert.Single(error.Missing);
        Assert.Equal(("reviews", "gate.signed.review"), (missing.Field, missing.Code));
        Assert.Contains(StageGates.Check(project, ProjectStage.Registered, facts), m => m.Code == "gate.signed.review");
    }

    [Fact]
    public void A_passed_review_opens_the_gate()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);

        project.MoveTo(ProjectStage.Signed, TestProjects.Officer, null, Now, StageFacts.None with { Review = new ReviewGate(true, 1_0000_0000_00, HasPassedReview: true) });

        Assert.Equal(ProjectStage.Signed, project.Stage);
    }

    [Fact]
    public void Below_the_major_amount_and_unflagged_a_project_signs_without_review_but_the_flag_makes_it_major()
    {
        var gate = new ReviewGate(true, 10_0000_0000_00, HasPassedReview: false); // 10亿: the 3亿 pledge is not major
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);
        Assert.Empty(StageGates.Check(project, ProjectStage.Signed, StageFacts.None with { Review = gate }));

        project.Estimate(null, isMajor: true);

        Assert.Equal(["reviews"], StageGates.Check(project, ProjectStage.Signed, StageFacts.None with { Review = gate }).Select(m => m.Field));
    }

    [Fact]
    public void Switched_off_by_configuration_no_project_needs_a_review()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);
        project.Estimate(null, isMajor: true);

        Assert.Empty(StageGates.Check(project, ProjectStage.Signed, StageFacts.None with { Review = new ReviewGate(RequireForMajor: false, 1, false) }));
    }

    [Fact]
    public void The_gate_is_on_entry_only_a_project_that_signed_before_keeps_moving()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Signed);
        project.Place(TestProjects.EnterpriseId, TestProjects.SectorId, TestProjects.ParkId);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, landMu: null);
        var gate = StageFacts.None with { Review = new ReviewGate(true, 1, HasPassedReview: false) };

        Assert.DoesNotContain(StageGates.Check(project, ProjectStage.Signed, gate), m => m.Code == "gate.signed.review");
        Assert.DoesNotContain(StageGates.Check(project, ProjectStage.Registered, gate), m => m.Code == "gate.signed.review");
    }

    [Fact]
    public void A_pledge_in_another_currency_is_major_only_by_the_flag()
    {
        var project = TestProjects.WithSigningEvidence(ProjectStage.Negotiating);
        project.Pledge(new Money(100_000_000_00, "USD"), null, null, null, null, null);

        Assert.False(new ReviewGate(true, 1_0000_0000_00, false).IsMajor(project));
    }
}
