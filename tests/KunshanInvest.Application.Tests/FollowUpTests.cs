using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.FollowUps.CompleteFollowUp;
using KunshanInvest.Application.FollowUps.CreateFollowUp;
using KunshanInvest.Application.FollowUps.GetMyFollowUps;
using KunshanInvest.Application.FollowUps.ReassignFollowUp;
using KunshanInvest.Application.Interactions.RecordInteraction;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

public sealed class FollowUpTests
{
    private static readonly DateOnly June30 = new(2026, 6, 30);
    private static readonly DateOnly July1 = new(2026, 7, 1);

    [Fact]
    public async Task My_follow_ups_are_grouped_by_the_day_in_Kunshan_not_in_UTC()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00101", officer);
        await database.AddFollowUpsAsync(
            new FollowUp(project, officer, June30, "due 30 June", officer, Now(database)),
            new FollowUp(project, officer, July1, "due 1 July", officer, Now(database)),
            new FollowUp(project, officer, July1.AddDays(14), "due 15 July", officer, Now(database)),
            new FollowUp(project, officer, July1.AddDays(15), "due 16 July", officer, Now(database)),
            new FollowUp(project, colleague, July1, "the colleague's", colleague, Now(database)),
            Done(new FollowUp(project, officer, July1, "already done", officer, Now(database)), officer));
        database.User = Staff(officer, Roles.Officer);

        // 16:30 UTC on 30 June is 00:30 on 1 July in Kunshan.
        database.Clock.Now = new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero);
        var after = await MineAsync(database);
        database.Clock.Now = new DateTimeOffset(2026, 6, 30, 15, 59, 0, TimeSpan.Zero);
        var before = await MineAsync(database);

        Assert.Equal(July1, after.Today);
        Assert.Equal(["due 30 June"], after.Overdue.Select(f => f.Title));
        Assert.Equal(["due 1 July"], after.DueToday.Select(f => f.Title));
        Assert.Equal(["due 15 July"], after.Upcoming.Select(f => f.Title));
        Assert.Equal("KS-2026-00101", after.DueToday.Single().ProjectCode);
        Assert.Equal(ProjectStage.Lead, after.DueToday.Single().ProjectStage);
        Assert.False(after.Truncated);

        Assert.Equal(June30, before.Today);
        Assert.Empty(before.Overdue);
        Assert.Equal(["due 30 June"], before.DueToday.Select(f => f.Title));
        Assert.Equal(["due 1 July"], before.Upcoming.Select(f => f.Title));
    }

    [Fact]
    public async Task The_projects_next_follow_up_is_the_earliest_open_one_as_follow_ups_come_and_go()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00102", officer);
        database.User = Staff(officer, Roles.Officer);

        var later = await CreateAsync(database, new CreateFollowUp(project, null, July1.AddDays(5), "later"));
        Assert.Equal(July1.AddDays(5), await NextFollowUpOnAsync(database, project));
        var sooner = await CreateAsync(database, new CreateFollowUp(project, null, July1.AddDays(1), "sooner"));
        Assert.Equal(July1.AddDays(1), await NextFollowUpOnAsync(database, project));

        await CompleteAsync(database, new CompleteFollowUp(sooner.Id, "done", sooner.Version));
        Assert.Equal(July1.AddDays(5), await NextFollowUpOnAsync(database, project));

        await CompleteAsync(database, new CompleteFollowUp(later.Id, null, later.Version));
        Assert.Null(await NextFollowUpOnAsync(database, project));
    }

    [Fact]
    public async Task Completing_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00103", officer);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, July1, "call back"));

        await Assert.ThrowsAsync<ConflictException>(() => CompleteAsync(database, new CompleteFollowUp(followUp.Id, null, followUp.Version + 1)));

        await using var db = database.NewContext();
        Assert.Equal(FollowUpStatus.Open, (await db.FollowUps.SingleAsync(f => f.Id == followUp.Id)).Status);
    }

    [Fact]
    public async Task Only_the_assignee_or_a_manager_completes_a_follow_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var manager = await database.AddStaffAsync("manager", Roles.Manager);
        var project = await database.AddProjectAsync("KS-2026-00104", colleague);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, July1, "visit"));

        // Even the project's owner: the task is the assignee's.
        database.User = Staff(colleague, Roles.Officer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => CompleteAsync(database, new CompleteFollowUp(followUp.Id, null, followUp.Version)));
        database.User = Staff(manager, Roles.Manager);
        var done = await CompleteAsync(database, new CompleteFollowUp(followUp.Id, "closed by the section chief", followUp.Version));

        Assert.Equal(FollowUpStatus.Done, done.Status);
        Assert.Equal(manager, done.CompletedById);
    }

    [Fact]
    public async Task Reassigning_notifies_the_new_assignee_and_only_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00105", officer);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, null, July1, "核实用地指标"));

        var moved = await ReassignAsync(database, new ReassignFollowUp(followUp.Id, colleague, July1.AddDays(3), followUp.Version));

        Assert.Equal(colleague, moved.AssigneeId);
        Assert.Equal(July1.AddDays(3), moved.DueOn);
        Assert.Equal(followUp.Version + 1, moved.Version);
        await using var db = database.NewContext();
        var notice = await db.Notifications.SingleAsync();
        Assert.Equal(colleague, notice.UserId);
        Assert.Contains("核实用地指标", notice.Title, StringComparison.Ordinal);
        Assert.Contains("KS-2026-00105", notice.Body!, StringComparison.Ordinal);
        Assert.Equal(July1.AddDays(3), (await db.Projects.SingleAsync(p => p.Id == project)).NextFollowUpOn);
    }

    [Fact]
    public async Task A_follow_up_goes_only_to_staff_and_only_by_someone_who_may_direct_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var owner = await database.AddStaffAsync("owner", Roles.Officer);
        var bystander = await database.AddStaffAsync("bystander", Roles.Officer);
        var partner = await database.AddStaffAsync("partner", Roles.Partner);
        var project = await database.AddProjectAsync("KS-2026-00106", owner);
        database.User = Staff(officer, Roles.Officer);
        var followUp = await CreateAsync(database, new CreateFollowUp(project, owner, July1, "for the owner"));

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => CreateAsync(database, new CreateFollowUp(project, bystander, July1, "for a bystander")));
        database.User = Staff(bystander, Roles.Officer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ReassignAsync(database, new ReassignFollowUp(followUp.Id, bystander, null, followUp.Version)));
        database.User = Staff(owner, Roles.Officer);
        await Assert.ThrowsAsync<NotFoundException>(() => ReassignAsync(database, new ReassignFollowUp(followUp.Id, partner, null, followUp.Version)));
        await Assert.ThrowsAsync<NotFoundException>(() => ReassignAsync(database, new ReassignFollowUp(followUp.Id, Guid.CreateVersion7(), null, followUp.Version)));
        var moved = await ReassignAsync(database, new ReassignFollowUp(followUp.Id, bystander, null, followUp.Version));

        Assert.Equal(bystander, moved.AssigneeId);
    }

    [Fact]
    public async Task Recording_an_interaction_touches_the_project_and_schedules_the_owners_follow_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var owner = await database.AddStaffAsync("owner", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00107", owner);
        database.User = Staff(officer, Roles.Officer);
        var visitedAt = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.FromHours(8));

        var recorded = await RecordAsync(database, new RecordInteraction(project, null, InteractionKind.Visit, visitedAt, "走访企业,了解扩产意向", "提交扩产用地需求表", July1.AddDays(7)));
        await RecordAsync(database, new RecordInteraction(project, null, InteractionKind.Call, visitedAt.AddDays(-10), "补记一次早先的电话", null, null));

        await using var db = database.NewContext();
        var stored = await db.Projects.SingleAsync(p => p.Id == project);
        Assert.Equal(visitedAt.UtcDateTime, stored.LastActivityAtUtc);
        Assert.Equal(July1.AddDays(7), stored.NextFollowUpOn);
        Assert.Equal(2, await db.Interactions.CountAsync(i => i.ProjectId == project));
        var followUp = await db.FollowUps.SingleAsync(f => f.ProjectId == project);
        Assert.Equal(recorded.FollowUp!.Id, followUp.Id);
        Assert.Equal(owner, followUp.AssigneeId);
        Assert.Equal("提交扩产用地需求表", followUp.Title);
        Assert.Equal(owner, (await db.Notifications.SingleAsync()).UserId);
        Assert.Equal(recorded.Interaction.EnterpriseId, (await db.Projects.SingleAsync(p => p.Id == project)).EnterpriseId);
    }

    [Fact]
    public async Task An_interaction_on_a_project_without_an_enterprise_is_refused_with_a_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var project = await database.AddProjectAsync("KS-2026-00108", officer, withEnterprise: false);
        database.User = Staff(officer, Roles.Officer);

        var error = await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() =>
            RecordAsync(database, new RecordInteraction(project, null, InteractionKind.Call, database.Clock.GetUtcNow(), "首次电话", null, null)));

        Assert.Equal("interaction.enterprise", error.Code);
    }

    [Theory]
    [InlineData("summary", "Summary")]
    [InlineData("kind", "Kind")]
    [InlineData("future", "OccurredAt")]
    [InlineData("neither", "ProjectId")]
    [InlineData("followUpWithoutSteps", "NextSteps")]
    [InlineData("followUpYesterday", "FollowUpOn")]
    public void The_interaction_validator_names_the_bad_field(string fault, string field)
    {
        // 16:30 UTC on 30 June: already 1 July in Kunshan, so 30 June is yesterday there.
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero));
        var valid = new RecordInteraction(Guid.CreateVersion7(), null, InteractionKind.Visit, clock.GetUtcNow(), "走访", "下一步", July1);
        var command = fault switch
        {
            "summary" => valid with { Summary = "   " },
            "kind" => valid with { Kind = (InteractionKind)42 },
            "future" => valid with { OccurredAt = clock.GetUtcNow().AddDays(1).AddMinutes(1) },
            "neither" => valid with { ProjectId = null, FollowUpOn = null },
            "followUpWithoutSteps" => valid with { NextSteps = null },
            _ => valid with { FollowUpOn = June30 },
        };

        var validator = new RecordInteractionValidator(clock);

        Assert.Empty(validator.Validate(valid).Errors);
        Assert.Contains(validator.Validate(command).Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void A_follow_up_needs_a_due_date_that_is_not_before_today_in_Kunshan()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero));
        var validator = new CreateFollowUpValidator(clock);

        Assert.Contains(validator.Validate(new CreateFollowUp(Guid.CreateVersion7(), null, null, "t")).Errors, e => e.PropertyName == "DueOn");
        Assert.Contains(validator.Validate(new CreateFollowUp(Guid.CreateVersion7(), null, June30, "t")).Errors, e => e.PropertyName == "DueOn");
        Assert.Empty(validator.Validate(new CreateFollowUp(Guid.CreateVersion7(), null, July1, "t")).Errors);
    }

    private static TestUser Staff(Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        return user;
    }

    private static DateTime Now(TestDatabase database) => database.Clock.GetUtcNow().UtcDateTime;

    private static FollowUp Done(FollowUp followUp, Guid by)
    {
        followUp.Complete(by, null, DateTime.UtcNow);
        return followUp;
    }

    private static async Task<MyFollowUps> MineAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new GetMyFollowUpsHandler(db, database.User, database.Clock).Handle(new GetMyFollowUps(), CancellationToken.None);
    }

    private static async Task<DateOnly?> NextFollowUpOnAsync(TestDatabase database, Guid project)
    {
        await using var db = database.NewContext();
        return await db.Projects.Where(p => p.Id == project).Select(p => p.NextFollowUpOn).SingleAsync();
    }

    private static async Task<FollowUps.GetFollowUp.FollowUpDto> CreateAsync(TestDatabase database, CreateFollowUp command)
    {
        await using var db = database.NewContext();
        return await new CreateFollowUpHandler(db, database.User, database.Clock, new UserDirectory(db, database.Clock), new Notifier(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<FollowUps.GetFollowUp.FollowUpDto> CompleteAsync(TestDatabase database, CompleteFollowUp command)
    {
        await using var db = database.NewContext();
        return await new CompleteFollowUpHandler(db, database.User, database.Clock, new UserDirectory(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<FollowUps.GetFollowUp.FollowUpDto> ReassignAsync(TestDatabase database, ReassignFollowUp command)
    {
        await using var db = database.NewContext();
        return await new ReassignFollowUpHandler(db, database.User, new UserDirectory(db, database.Clock), new Notifier(db, database.Clock)).Handle(command, CancellationToken.None);
    }

    private static async Task<RecordedInteraction> RecordAsync(TestDatabase database, RecordInteraction command)
    {
        await using var db = database.NewContext();
        return await new RecordInteractionHandler(db, database.User, database.Clock, new UserDirectory(db, database.Clock), new Notifier(db, database.Clock)).Handle(command, CancellationToken.None);
    }
}

/// <summary>Staff accounts with real roles (the directory checks them) and projects to hang follow-ups on.</summary>
internal static class FollowUpTestData
{
    public static async Task<Guid> AddStaffAsync(this TestDatabase database, string userName, string role)
    {
        var id = await database.AddUserAsync(userName);
        await using var db = database.NewContext();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => (Guid?)r.Id).SingleOrDefaultAsync();
        if (roleId is null)
        {
            var added = new AppRole(role);
            db.Roles.Add(added);
            roleId = added.Id;
        }

        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = roleId.Value });
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<Guid> AddProjectAsync(this TestDatabase database, string code, Guid owner, bool withEnterprise = true)
    {
        await using var db = database.NewContext();
        var project = new InvestmentProject(code, $"项目 {code}", SourceChannel.WalkIn, owner, database.Clock.GetUtcNow().UtcDateTime.AddDays(-30));
        if (withEnterprise)
        {
            var enterprise = new Enterprise($"企业 {code}", null, "CN", Ownership.Domestic);
            db.Enterprises.Add(enterprise);
            project.Place(enterprise.Id, null, null);
        }

        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public static async Task AddFollowUpsAsync(this TestDatabase database, params FollowUp[] followUps)
    {
        await using var db = database.NewContext();
        db.FollowUps.AddRange(followUps);
        await db.SaveChangesAsync();
    }
}
