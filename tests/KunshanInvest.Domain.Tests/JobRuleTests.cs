using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

public sealed class JobRuleTests
{
    [Theory]
    [InlineData("2026-06-30", "2026-W27")]
    [InlineData("2025-12-29", "2026-W01")] // a Monday: its week holds 1 January 2026's Thursday
    [InlineData("2027-01-01", "2026-W53")] // a Friday in 2026's last ISO week
    public void The_digest_period_is_the_iso_week(string day, string week) =>
        Assert.Equal(week, JobPeriods.Week(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-06-29", "2026-06-29")]
    [InlineData("2026-07-05", "2026-06-29")]
    [InlineData("2026-07-06", "2026-07-06")]
    public void A_week_starts_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), JobPeriods.WeekStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_reminder_period_is_the_kunshan_day() =>
        Assert.Equal("2026-07-01", JobPeriods.Day(new DateOnly(2026, 7, 1)));

    [Fact]
    public void A_new_project_is_neither_flagged_stale_nor_escalated()
    {
        var project = TestProjects.New();
        Assert.False(project.IsFlaggedStale);
        Assert.Equal(0, project.CurrentEscalationLevel);
    }

    [Fact]
    public void Activity_after_the_stale_flag_clears_it()
    {
        var project = TestProjects.New();
        Set(project, nameof(InvestmentProject.StaleFlaggedAtUtc), TestProjects.T0.AddDays(61));
        Assert.True(project.IsFlaggedStale);

        project.Touch(TestProjects.T0.AddDays(62));
        Assert.False(project.IsFlaggedStale);
    }

    [Fact]
    public void An_escalation_belongs_to_the_stay_in_the_stage_it_was_raised_in()
    {
        var project = TestProjects.New(ProjectStage.Signed);
        Set(project, nameof(InvestmentProject.EscalationLevel), 2);
        Set(project, nameof(InvestmentProject.EscalatedStageEnteredAtUtc), project.StageEnteredAtUtc);
        Assert.Equal(2, project.CurrentEscalationLevel);

        project.MoveTo(ProjectStage.OnHold, TestProjects.Manager, "暂缓", TestProjects.T0.AddDays(100));
        Assert.Equal(0, project.CurrentEscalationLevel);
    }

    [Fact]
    public void A_composed_email_subject_is_cut_to_its_column()
    {
        var email = OutboxEmail.Composed(Guid.NewGuid(), null, new string('周', 400), "<p>x</p>", TestProjects.T0);
        Assert.Equal(OutboxEmail.SubjectMaxLength, email.Subject!.Length);
        Assert.Null(email.SentAtUtc);
    }

    [Fact]
    public void A_job_notice_carries_its_effect_key()
    {
        var subject = Guid.NewGuid();
        var notice = Notification.ForEffect(TestProjects.OwnerId, "followup.reminder", subject, "2026-07-01", "跟进提醒", null, "/projects", TestProjects.T0);
        Assert.Equal((subject, "2026-07-01"), (notice.SubjectId, notice.Period));
    }

    /// <summary>The jobs set these stamps with set-based SQL; the domain only reads them.</summary>
    private static void Set(InvestmentProject project, string property, object value) =>
        typeof(InvestmentProject).GetProperty(property)!.SetValue(project, value);
}
