using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.FollowUps.CancelFollowUp;
using KunshanInvest.Application.FollowUps.CompleteFollowUp;
using KunshanInvest.Application.FollowUps.CreateFollowUp;
using KunshanInvest.Application.FollowUps.EditFollowUp;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Application.FollowUps.RescheduleFollowUp;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Jobs.SendFollowUpReminders;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>Editing, rescheduling and cancelling follow-ups (issue 18): who may, what a closed one refuses, what follows.</summary>
public sealed class FollowUpChangeTests
{
    private static readonly DateOnly June30 = new(2026, 6, 30);

    [Fact]
    public async Task Rescheduling_moves_the_due_date_and_the_projects_next_follow_up_and_keeps_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00201", officer);
        database.User = Staff(officer, Roles.Officer);
        var soon = await CreateAsync(database, new CreateFollowUp(project, null, June30.AddDays(1), "回访"));
        await CreateAsync(database, new CreateFollowUp(project, null, June30.AddDays(5), "later"));

        var moved = await RescheduleAsync(database, new RescheduleFollowUp(soon.Id, June30.AddDays(9), "客户出差", soon.Version));

        Assert.Equal(June30.AddDays(9), moved.DueOn);
        Assert.Equal("客户出差", moved.RescheduleReason);
        Assert.Equal(soon.Version + 1, moved.Version);
        await using var db = database.NewContext();
        Assert.Equal(June30.AddDays(5), await db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync());
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_closes_the_task_and_the_project_looks_to_the_next_open_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00202", officer);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, June30.AddDays(1), "送资料"));

        var validation = new CancelFollowUpValidator().Validate(new CancelFollowUp(followUp.Id, "  ", followUp.Version));
        var cancelled = await CancelAsync(database, new CancelFollowUp(followUp.Id, "企业已自行提交", followUp.Version));

        Assert.Equal(M.FollowUpCancelReason.Code, Assert.Single(validation.Errors).ErrorCode);
        Assert.Equal(FollowUpStatus.Cancelled, cancelled.Status);
        Assert.Equal("企业已自行提交", cancelled.CancelReason);
        await using var db = database.NewContext();
        var stored = await db.FollowUps.SingleAsync(f => f.Id == followUp.Id);
        Assert.Equal(officer, stored.CancelledById);
        Assert.NotNull(stored.CancelledAtUtc);
        Assert.Null(await db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync());
    }

    [Fact]
    public async Task A_completed_follow_up_cannot_be_rescheduled_cancelled_or_edited_and_the_refusal_has_a_catalogue_message()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00203", officer);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, June30.AddDays(1), "签约准备"));
        var done = await CompleteAsync(database, new CompleteFollowUp(followUp.Id, null, followUp.Version));

        var reschedule = await Assert.ThrowsAsync<DomainRuleException>(() => RescheduleAsync(database, new RescheduleFollowUp(done.Id, June30.AddDays(3), null, done.Version)));
        var cancel = await Assert.ThrowsAsync<DomainRuleException>(() => CancelAsync(database, new CancelFollowUp(done.Id, "不需要了", done.Version)));
        var edit = await Assert.ThrowsAsync<DomainRuleException>(() => EditAsync(database, new EditFollowUp(done.Id, "新标题", null, done.Version)));

        Assert.All([reschedule, cancel, edit], e => Assert.Equal(FollowUp.ClosedCode, e.Code));
        Assert.Equal(M.FollowUpClosed.Zh, Messages.Text(reschedule, new System.Globalization.CultureInfo("zh-CN")));
        Assert.Equal(M.FollowUpClosed.En, Messages.Text(reschedule, new System.Globalization.CultureInfo("en")));
        await using var db = database.NewContext();
        var stored = await db.FollowUps.SingleAsync(f => f.Id == followUp.Id);
        Assert.Equal((FollowUpStatus.Done, June30.AddDays(1), "签约准备"), (stored.Status, stored.DueOn, stored.Title));
    }

    [Fact]
    public async Task Editing_rewords_title_and_notes_and_the_audit_trail_records_old_and_new()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00204", officer);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, June30.AddDays(1), "电话回访"));

        var edited = await EditAsync(database, new EditFollowUp(followUp.Id, " 上门拜访 ", " 带上园区图册 ", followUp.Version));

        Assert.Equal(("上门拜访", "带上园区图册"), (edited.Title, edited.Notes));
        await using var db = database.NewContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(FollowUp) && a.Action == AuditAction.Updated).SingleAsync();
        Assert.Contains("电话回访", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("上门拜访", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("带上园区图册", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_assignee_the_projects_owner_or_a_manager_may_change_a_follow_up_and_a_stale_version_is_a_conflict()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddStaffAsync("owner", Roles.Officer);
        var bystander = await database.AddStaffAsync("bystander", Roles.Officer);
        var manager = await database.AddStaffAsync("manager", Roles.Manager);
        var project = await database.AddProjectAsync("KS-2026-00205", owner);
        database.User = Staff(owner, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, June30.AddDays(1), "核实产值"));

        database.User = Staff(bystander, Roles.Officer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => RescheduleAsync(database, new RescheduleFollowUp(followUp.Id, June30.AddDays(2), null, followUp.Version)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => CancelAsync(database, new CancelFollowUp(followUp.Id, "x", followUp.Version)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => EditAsync(database, new EditFollowUp(followUp.Id, "x", null, followUp.Version)));
        database.User = Staff(manager, Roles.Manager);
        await Assert.ThrowsAsync<ConflictException>(() => RescheduleAsync(database, new RescheduleFollowUp(followUp.Id, June30.AddDays(2), null, followUp.Version + 1)));
        var moved = await RescheduleAsync(database, new RescheduleFollowUp(followUp.Id, June30.AddDays(2), null, followUp.Version));

        Assert.Equal(June30.AddDays(2), moved.DueOn);
    }

    [Fact]
    public void Rescheduling_before_today_in_Kunshan_is_refused_by_validation()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero)); // 1 July 00:30 in Kunshan
        var validator = new RescheduleFollowUpValidator(clock);

        Assert.Contains(validator.Validate(new RescheduleFollowUp(Guid.CreateVersion7(), June30, null, 0)).Errors, e => e.PropertyName == "DueOn");
        Assert.Contains(validator.Validate(new RescheduleFollowUp(Guid.CreateVersion7(), null, null, 0)).Errors, e => e.PropertyName == "DueOn");
        Assert.Contains(validator.Validate(new RescheduleFollowUp(Guid.CreateVersion7(), June30.AddDays(1), new string('x', FollowUp.ReasonMaxLength + 1), 0)).Errors, e => e.PropertyName == "Reason");
        Assert.Empty(validator.Validate(new RescheduleFollowUp(Guid.CreateVersion7(), June30.AddDays(1), null, 0)).Errors);
    }

    [Fact]
    public async Task A_rescheduled_follow_up_is_reminded_again_on_its_new_day_and_not_twice_on_one_day()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00206", officer);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, June30, "今天回访"));

        Assert.Equal(1, await RemindAsync(database));
        var moved = await RescheduleAsync(database, new RescheduleFollowUp(followUp.Id, June30.AddDays(2), "改期", followUp.Version));
        Assert.Equal(0, await RemindAsync(database));
        database.Clock.Now = database.Clock.Now.AddDays(1);
        Assert.Equal(0, await RemindAsync(database));
        database.Clock.Now = database.Clock.Now.AddDays(1);
        Assert.Equal(1, await RemindAsync(database));

        // Moved to today after today's reminder: not reminded a second time today.
        await RescheduleAsync(database, new RescheduleFollowUp(followUp.Id, June30.AddDays(2), null, moved.Version));
        Assert.Equal(0, await RemindAsync(database));
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.SubjectId == followUp.Id));
    }

    private static TestUser Staff(Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        return user;
    }

    private static async Task<int> RemindAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await new SendFollowUpRemindersHandler(db, new JobSql(db, database.Dialect), database.Clock).Handle(new SendFollowUpReminders(), CancellationToken.None)).Effects;
    }

    private static async Task<FollowUpDto> CreateAsync(TestDatabase database, CreateFollowUp command)
    {
        await using var db = database.NewContext();
        return await new CreateFollowUpHandler(db, database.User, database.Clock, new UserDirectory(db, database.Clock), new Notifier(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<FollowUpDto> CompleteAsync(TestDatabase database, CompleteFollowUp command)
    {
        await using var db = database.NewContext();
        return await new CompleteFollowUpHandler(db, database.User, database.Clock, new UserDirectory(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<FollowUpDto> RescheduleAsync(TestDatabase database, RescheduleFollowUp command)
    {
        await using var db = database.NewContext();
        return await new RescheduleFollowUpHandler(db, database.User, new UserDirectory(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<FollowUpDto> CancelAsync(TestDatabase database, CancelFollowUp command)
    {
        await using var db = database.NewContext();
        return await new CancelFollowUpHandler(db, database.User, database.Clock, new UserDirectory(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<FollowUpDto> EditAsync(TestDatabase database, EditFollowUp command)
    {
        await using var db = database.NewContext();
        return await new EditFollowUpHandler(db, database.User, new UserDirectory(db, database.Clock)).Handle(command, CancellationToken.None);
    }
}
