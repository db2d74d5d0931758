using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.FollowUps;

namespace KunshanInvest.Domain.Tests;

public sealed class FollowUpRulesTests
{
    private static readonly DateOnly July1 = new(2026, 7, 1);

    private static FollowUp Open() => new(Guid.CreateVersion7(), Guid.CreateVersion7(), July1, "回访", Guid.CreateVersion7(), new DateTime(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_cancelled_follow_up_refuses_every_change_including_completion()
    {
        var followUp = Open();
        followUp.Cancel(Guid.CreateVersion7(), " 企业撤回 ", DateTime.UtcNow);

        Assert.Equal((FollowUpStatus.Cancelled, "企业撤回"), (followUp.Status, followUp.CancelReason));
        Assert.Equal(FollowUp.ClosedCode, Assert.Throws<DomainRuleException>(() => followUp.Reschedule(July1.AddDays(1), null)).Code);
        Assert.Equal(FollowUp.ClosedCode, Assert.Throws<DomainRuleException>(() => followUp.Edit("x", null)).Code);
        Assert.Equal(FollowUp.ClosedCode, Assert.Throws<DomainRuleException>(() => followUp.Complete(Guid.CreateVersion7(), null, DateTime.UtcNow)).Code);
        Assert.Equal(FollowUp.ClosedCode, Assert.Throws<DomainRuleException>(() => followUp.Cancel(Guid.CreateVersion7(), "again", DateTime.UtcNow)).Code);
    }

    [Fact]
    public void Cancelling_without_a_reason_and_editing_to_an_empty_title_are_refused()
    {
        var followUp = Open();

        Assert.Equal("followUp.cancelReason", Assert.Throws<DomainRuleException>(() => followUp.Cancel(Guid.CreateVersion7(), " ", DateTime.UtcNow)).Code);
        Assert.Equal("followUp.title", Assert.Throws<DomainRuleException>(() => followUp.Edit("  ", "notes")).Code);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal("回访", followUp.Title);
    }

    [Fact]
    public void Rescheduling_keeps_the_reminder_stamp_so_the_job_decides_by_the_new_date()
    {
        var followUp = Open();
        followUp.MarkReminded(July1);

        followUp.Reschedule(July1.AddDays(3), "  ");

        Assert.Equal(July1.AddDays(3), followUp.DueOn);
        Assert.Null(followUp.RescheduleReason);
        Assert.Equal(July1, followUp.RemindedOn);
    }
}
