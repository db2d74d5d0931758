using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Domain.Tests;

public sealed class AttributionRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(10, null, AttributionState.Active)]
    [InlineData(31, null, AttributionState.Lapsed)]
    [InlineData(60, 10, AttributionState.Active)]
    [InlineData(60, 31, AttributionState.Lapsed)]
    public void Attribution_lapses_after_the_configured_days_without_stage_progress(int reportedDaysAgo, int? stageDaysAgo, AttributionState expected)
    {
        var state = AttributionRules.StateAt(Now.AddDays(-reportedDaysAgo), stageDaysAgo is { } d ? Now.AddDays(-d) : null, null, null, null, 30, Now);

        Assert.Equal(expected, state);
    }

    [Fact]
    public void A_recorded_lapse_stays_even_when_the_project_moves_again_and_void_wins()
    {
        Assert.Equal(AttributionState.Lapsed, AttributionRules.StateAt(Now.AddDays(-40), Now, Now.AddDays(-5), null, null, 30, Now));
        Assert.Equal(AttributionState.Void, AttributionRules.StateAt(Now, Now, null, Now, null, 30, Now));
    }

    [Fact]
    public void A_decided_submission_cannot_be_decided_again_and_a_rejection_needs_a_reason()
    {
        var submission = new PartnerSubmission("PS-2026-AAAAAA", Guid.NewGuid(), Guid.NewGuid(),
            new SubmittedEnterprise("企业", null, "CN", null), new SubmittedProject("简介", Guid.NewGuid(), null, null, null, "联系人", null, null), Now);

        Assert.Throws<Common.DomainRuleException>(() => submission.Reject(" ", Guid.NewGuid(), Now));
        submission.Accept(Guid.NewGuid(), Guid.NewGuid(), Now);
        Assert.Throws<Common.DomainRuleException>(() => submission.Reject("理由", Guid.NewGuid(), Now));
        Assert.Equal([SubmissionStatus.Submitted, SubmissionStatus.Accepted], submission.StatusChanges.Select(c => c.Status));
    }

    [Fact]
    public void Only_bureau_staff_write_internal_notes()
    {
        Assert.Throws<Common.DomainForbiddenException>(() => new SubmissionMessage(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), fromBureau: false, isInternal: true, "x", Now));
    }
}
