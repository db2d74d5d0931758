using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Application.Jobs.DispatchEmails;
using KunshanInvest.Application.Jobs.EscalateStalledProjects;
using KunshanInvest.Application.Jobs.FlagStaleProjects;
using KunshanInvest.Application.Jobs.SendFollowUpReminders;
using KunshanInvest.Application.Jobs.SendWeeklyDigest;
using KunshanInvest.Application.Jobs.TriageSubmissions;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Submissions;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Notifications;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Jobs;
using KunshanInvest.Infrastructure.Mail;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Bookkeeping;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// Each job on a real SQLite database: what it does, that a second run does nothing more, that its statement count does
/// not grow with the data, and its e-mails' SMTP conversation with a real SMTP server (netDumbster).
/// </summary>
public sealed class JobTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _officer;
    private Guid _manager;
    private ReportScenario _scenario = null!;

    private static readonly StalledOptions Stalled = new();
    private static readonly JobOptions Jobs = new() { EscalateToManagersAfterDays = 14, ProposeReassignmentAfterDays = 14 };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _officer = await _database.AddUserAsync("officer");
        _manager = await _database.AddUserAsync("manager");
        await using var db = _database.NewContext();
        foreach (var user in await db.Users.ToListAsync())
        {
            user.Email = $"{user.UserName}@kunshan.test";
        }

        var role = new AppRole { Name = Roles.Manager, NormalizedName = Roles.Manager.ToUpperInvariant() };
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = _manager, RoleId = role.Id });
        _scenario = ReportScenario.Create(_database.Clock.GetUtcNow().UtcDateTime, _officer, _officer);
        db.AddRange(_scenario.Sector, _scenario.Park);
        db.AddRange(_scenario.Enterprises);
        db.AddRange(_scenario.Projects);
        db.AddRange(_scenario.Milestones);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    // ---- follow-up reminders ----

    [Fact]
    public async Task Reminders_go_once_a_day_to_the_assignee_for_open_follow_ups_due_today_or_overdue()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var due = await AddFollowUpsAsync(today, [-3, 0, 2], closedOverdue: true);

        var first = await RunAsync(db => Reminders(db));
        var second = await RunAsync(db => Reminders(db));

        Assert.Equal(2, first.Effects);
        Assert.Equal(0, second.Effects);
        await using (var db = _database.NewContext())
        {
            var notices = await db.Notifications.Where(n => n.Kind == JobKinds.Reminder).ToListAsync();
            Assert.Equal(2, notices.Count);
            Assert.All(notices, n => Assert.Equal(_officer, n.UserId));
            Assert.Equal(due.Take(2).Order(), notices.Select(n => n.SubjectId!.Value).Order());
            Assert.Contains(notices, n => n.Title.Contains("跟进 -3", StringComparison.Ordinal));
            Assert.Equal(2, await db.OutboxEmails.CountAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Job:" + JobNames.FollowUpReminders));
        }

        // The next Kunshan day the same two are reminded again, once.
        _database.Clock.Now = _database.Clock.Now.AddDays(1);
        Assert.Equal(2, (await RunAsync(db => Reminders(db))).Effects);
        Assert.Equal(0, (await RunAsync(db => Reminders(db))).Effects);
    }

    [Fact]
    public async Task Reminders_are_a_fixed_number_of_statements_whatever_the_number_of_follow_ups()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        await AddFollowUpsAsync(today, [-1]);
        var few = await CountStatementsAsync(db => Reminders(db));

        _database.Clock.Now = _database.Clock.Now.AddDays(1);
        await AddFollowUpsAsync(today, [.. Enumerable.Range(0, 60).Select(i => -(i % 5))]);
        var many = await CountStatementsAsync(db => Reminders(db));

        Assert.Equal(few.Statements, many.Statements);
        Assert.Equal(1, few.Result.Effects);
        Assert.Equal(61, many.Result.Effects);
    }

    [Fact]
    public async Task Reminder_emails_are_sent_over_smtp_once_and_stamped()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        await AddFollowUpsAsync(today, [-1, 0]);
        await RunAsync(db => Reminders(db));

        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var mail = new MailOptions { Host = "127.0.0.1", Port = port, From = "crm@kunshan.test" };
        var sent = await RunAsync(db => Dispatch(db, mail));
        var again = await RunAsync(db => Dispatch(db, mail));

        await using (var check = _database.NewContext())
        {
            Assert.Equal([], await check.OutboxEmails.Where(e => e.LastError != null).Select(e => e.LastError).ToListAsync());
        }

        Assert.Equal(2, sent.Effects);
        Assert.Equal(0, again.Effects);
        Assert.Equal(2, smtp.ReceivedEmailCount);
        Assert.All(smtp.ReceivedEmail, m =>
        {
            Assert.Equal("officer@kunshan.test", Assert.Single(m.ToAddresses).Address);
            Assert.Equal("crm@kunshan.test", m.FromAddress.Address);
            Assert.StartsWith("跟进提醒", m.Subject, StringComparison.Ordinal);
        });
        await using var db = _database.NewContext();
        Assert.All(await db.OutboxEmails.ToListAsync(), e => Assert.NotNull(e.SentAtUtc));
    }

    [Fact]
    public async Task Without_smtp_the_emails_are_eml_files_in_the_pickup_folder()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        await AddFollowUpsAsync(today, [0]);
        await RunAsync(db => Reminders(db));
        var folder = Directory.CreateTempSubdirectory("ki-mail-").FullName;

        await RunAsync(db => Dispatch(db, new MailOptions(), folder));

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("officer@kunshan.test", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("跟进提醒", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_rolls_back_its_claim_so_the_retry_still_reminds()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        await AddFollowUpsAsync(today, [-1, 0]);

        // The "kill": the run dies after its claim and its notices, at the outbox insert, inside the transaction.
        await using (var db = _database.NewContext(new FailOn("INSERT INTO \"OutboxEmails\"")))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await Reminders(db));
        }

        await using (var db = _database.NewContext())
        {
            Assert.Equal(0, await db.Notifications.CountAsync());
            Assert.All(await db.FollowUps.ToListAsync(), f => Assert.Null(f.RemindedOn));
        }

        Assert.Equal(2, (await RunAsync(db => Reminders(db))).Effects);
        Assert.Equal(0, (await RunAsync(db => Reminders(db))).Effects);
    }

    // ---- stale sweep ----

    [Fact]
    public async Task Stale_sweep_flags_live_projects_without_activity_and_tells_the_owner_once()
    {
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        var expected = _scenario.Projects
            .Where(p => p.Stage is not (ProjectStage.Lost or ProjectStage.AtCapacity or ProjectStage.OnHold) && p.LastActivityAtUtc < now.AddDays(-Stalled.StaleActivityDays))
            .Select(p => p.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < _scenario.Projects.Count);

        var first = await RunAsync(db => Stale(db));
        var second = await RunAsync(db => Stale(db));

        Assert.Equal(expected.Count, first.Effects);
        Assert.Equal(0, second.Effects);
        await using var db = _database.NewContext();
        Assert.Equal(expected, (await db.Notifications.Where(n => n.Kind == JobKinds.Stale).Select(n => n.SubjectId!.Value).ToListAsync()).Order());
        Assert.Equal(expected, (await db.Projects.Where(p => p.StaleFlaggedAtUtc != null).Select(p => p.Id).ToListAsync()).Order());
        Assert.Equal(expected.Count, await db.OutboxEmails.CountAsync());
    }

    [Fact]
    public async Task A_sectors_own_stale_days_win_and_new_activity_clears_the_flag_until_it_goes_stale_again()
    {
        await using (var db = _database.NewContext())
        {
            var sector = await db.Sectors.SingleAsync(s => s.Id == _scenario.Sector.Id);
            sector.SetLimits(sector.Limits with { StaleActivityDays = 100_000 });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await RunAsync(db => Stale(db))).Effects);

        await using (var db = _database.NewContext())
        {
            var sector = await db.Sectors.SingleAsync(s => s.Id == _scenario.Sector.Id);
            sector.SetLimits(sector.Limits with { StaleActivityDays = null });
            await db.SaveChangesAsync();
        }

        var flagged = (await RunAsync(db => Stale(db))).Effects;
        Assert.True(flagged > 0);

        // A visit to one project: it is no longer stale, and is flagged again only once it has gone stale anew.
        _database.Clock.Now = _database.Clock.Now.AddMinutes(5);
        var visited = _scenario.Projects.First(p => p.LastActivityAtUtc < _database.Clock.GetUtcNow().UtcDateTime.AddDays(-60) && p.Stage != ProjectStage.OnHold);
        await using (var db = _database.NewContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Id == visited.Id);
            project.Touch(_database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            Assert.False(project.IsFlaggedStale);
        }

        _database.Clock.Now = _database.Clock.Now.AddDays(61);
        var later = await RunAsync(db => Stale(db));
        Assert.True(later.Effects >= 1);
        await using var check = _database.NewContext();
        var notices = await check.Notifications.Where(n => n.Kind == JobKinds.Stale).ToListAsync();
        Assert.Equal(2, notices.Count(n => n.SubjectId == visited.Id));
        Assert.All(notices.Where(n => n.SubjectId != visited.Id).GroupBy(n => n.SubjectId), g => Assert.Single(g));
    }

    [Fact]
    public async Task Stale_sweep_is_a_fixed_number_of_statements()
    {
        var few = await CountStatementsAsync(db => Stale(db));
        await using (var db = _database.NewContext())
        {
            var more = ReportScenario.Create(_database.Clock.GetUtcNow().UtcDateTime, _officer, _officer);
            more.Projects.ForEach(p => p.Place(null, _scenario.Sector.Id, null));
            db.AddRange(more.Projects);
            await db.SaveChangesAsync();
        }

        _database.Clock.Now = _database.Clock.Now.AddDays(1);
        var many = await CountStatementsAsync(db => Stale(db));
        Assert.Equal(few.Statements, many.Statements);
        Assert.True(many.Result.Effects > 0);
    }

    // ---- 六未 escalation ----

    [Fact]
    public async Task Escalation_tells_the_owner_then_copies_the_managers_then_proposes_reassignment_each_once()
    {
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        var stalled = _scenario.Projects.AsQueryable().Where(new StalledRule(Stalled.ToLimits()).Predicate(now)).Select(p => p.Id).Order().ToList();
        Assert.NotEmpty(stalled);

        Assert.Equal(stalled.Count, (await RunAsync(db => Escalate(db))).Effects);
        Assert.Equal(0, (await RunAsync(db => Escalate(db))).Effects);
        await using (var db = _database.NewContext())
        {
            Assert.Equal(stalled, (await db.Notifications.Where(n => n.Kind == JobKinds.Escalated).Select(n => n.SubjectId!.Value).ToListAsync()).Order());
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.UserId == _manager));
        }

        _database.Clock.Now = _database.Clock.Now.AddDays(Jobs.EscalateToManagersAfterDays + 1);
        Assert.Equal(stalled.Count * 2, (await RunAsync(db => Escalate(db))).Effects);
        Assert.Equal(0, (await RunAsync(db => Escalate(db))).Effects);

        _database.Clock.Now = _database.Clock.Now.AddDays(Jobs.ProposeReassignmentAfterDays + 1);
        Assert.Equal(stalled.Count, (await RunAsync(db => Escalate(db))).Effects);
        Assert.Equal(0, (await RunAsync(db => Escalate(db))).Effects);

        await using (var db = _database.NewContext())
        {
            Assert.Equal(stalled.Count, await db.Notifications.CountAsync(n => n.UserId == _manager && n.Kind == JobKinds.EscalatedCopy));
            Assert.Equal(stalled.Count, await db.Notifications.CountAsync(n => n.UserId == _manager && n.Kind == JobKinds.Reassign));
            Assert.All(await db.Projects.Where(p => stalled.Contains(p.Id)).ToListAsync(), p => Assert.Equal(3, p.CurrentEscalationLevel));
        }
    }

    [Fact]
    public async Task Escalation_is_a_fixed_number_of_statements()
    {
        var few = await CountStatementsAsync(db => Escalate(db));
        await using (var db = _database.NewContext())
        {
            var more = ReportScenario.Create(_database.Clock.GetUtcNow().UtcDateTime, _officer, _officer);
            db.AddRange(more.Sector, more.Park);
            db.AddRange(more.Enterprises);
            db.AddRange(more.Projects);
            await db.SaveChangesAsync();
        }

        var many = await CountStatementsAsync(db => Escalate(db));
        Assert.Equal(few.Statements, many.Statements);
        Assert.True(many.Result.Effects > 0);
    }

    // ---- one language path: notices and e-mails in the reader's language ----

    [Fact]
    public async Task Job_notices_and_their_emails_are_worded_in_each_readers_language()
    {
        // The officer reads English, the manager Chinese; a project name that needs JSON escaping.
        const string name = "咖啡 \"Roastery\" \\ 厂";
        await using (var db = _database.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _officer)).Language = "en-US";
            (await db.Users.SingleAsync(u => u.Id == _manager)).Language = "zh-CN";
            await db.SaveChangesAsync();
            await db.Projects.ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name));
        }

        // Level 1 to the owner, then level 2 to the owner and copied to the manager.
        Assert.True((await RunAsync(db => Escalate(db))).Effects > 0);
        _database.Clock.Now = _database.Clock.Now.AddDays(Jobs.EscalateToManagersAfterDays + 1);
        Assert.True((await RunAsync(db => Escalate(db))).Effects > 0);

        await using (var db = _database.NewContext())
        {
            var copy = await db.Notifications.FirstAsync(n => n.UserId == _manager && n.Kind == JobKinds.EscalatedCopy);
            Assert.Equal(M.JobEscalatedCopied.Code, copy.TitleCode);
            Assert.Equal(M.JobEscalatedCopyBody.Code, copy.BodyCode);
            var args = SaidJson.Read(copy.ArgsJson);
            Assert.Equal(name, args["name"]);
            var project = await db.Projects.SingleAsync(p => p.Id == copy.SubjectId);
            Assert.Equal(project.Code, args["code"]);

            var (en, enBody) = Notifier.Word(copy.Title, copy.Body, copy.TitleCode, copy.BodyCode, copy.ArgsJson, Messages.CultureOf("en-US"));
            var (zh, zhBody) = Notifier.Word(copy.Title, copy.Body, copy.TitleCode, copy.BodyCode, copy.ArgsJson, Messages.CultureOf("zh-CN"));
            Assert.Equal($"Stalled project escalated (managers copied): {project.Code} {name}", en);
            Assert.Equal($"六未升级(已抄送领导):{project.Code} {name}", zh);
            Assert.StartsWith("Copy:", enBody, StringComparison.Ordinal);
            Assert.StartsWith("抄送", zhBody, StringComparison.Ordinal);

            // The Chinese wording stays beside the codes.
            Assert.StartsWith("六未升级", copy.Title, StringComparison.Ordinal);
        }

        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var mail = new MailOptions { Host = "127.0.0.1", Port = port, From = "crm@kunshan.test" };
        Assert.True((await RunAsync(db => Dispatch(db, mail))).Effects > 0);

        var toOfficer = smtp.ReceivedEmail.Where(m => m.ToAddresses.Single().Address == "officer@kunshan.test").ToList();
        var toManager = smtp.ReceivedEmail.Where(m => m.ToAddresses.Single().Address == "manager@kunshan.test").ToList();
        Assert.NotEmpty(toOfficer);
        Assert.NotEmpty(toManager);
        Assert.All(toOfficer, m => Assert.Matches("^(Stalled project warning|Stalled project escalated)", m.Subject));
        Assert.Contains(toOfficer, m => m.Subject.Contains(name, StringComparison.Ordinal));
        Assert.All(toManager, m => Assert.StartsWith("六未升级", m.Subject, StringComparison.Ordinal));
        Assert.Contains(toOfficer, m => m.MessageParts.Any(part => part.BodyData.Contains("past its stage", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_weekly_digest_email_is_in_the_managers_language()
    {
        await using (var db = _database.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _manager)).Language = "en-US";
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await RunAsync(db => Digest(db))).Effects);

        await using var check = _database.NewContext();
        var email = await check.OutboxEmails.SingleAsync();
        Assert.StartsWith("Weekly digest", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Stalled projects", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("招商周报", email.HtmlBody, StringComparison.Ordinal);
        var notice = await check.Notifications.SingleAsync(n => n.Kind == JobKinds.Digest);
        Assert.StartsWith("招商周报", notice.Title, StringComparison.Ordinal);
        Assert.StartsWith("Weekly digest", Notifier.Word(notice.Title, notice.Body, notice.TitleCode, notice.BodyCode, notice.ArgsJson, Messages.CultureOf("en-US")).Title, StringComparison.Ordinal);
    }

    // ---- weekly digest ----

    [Fact]
    public async Task The_weekly_digest_goes_to_each_manager_once_per_week_as_html()
    {
        var first = await RunAsync(db => Digest(db));
        var second = await RunAsync(db => Digest(db));

        Assert.Equal(1, first.Effects);
        Assert.Equal(0, second.Effects);
        await using var db = _database.NewContext();
        var notice = await db.Notifications.SingleAsync(n => n.Kind == JobKinds.Digest);
        Assert.Equal(_manager, notice.UserId);
        Assert.Equal("2026-W26", notice.Period);
        var email = await db.OutboxEmails.SingleAsync();
        Assert.Contains("<table", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("六未", email.HtmlBody, StringComparison.Ordinal);

        // A new week, a new digest.
        _database.Clock.Now = _database.Clock.Now.AddDays(7);
        Assert.Equal(1, (await RunAsync(d => Digest(d))).Effects);
    }

    [Fact]
    public async Task The_digest_counts_the_weeks_leads_moves_and_signings()
    {
        await using var db = _database.NewContext();
        var from = JobPeriods.WeekStart(DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime.AddHours(8))).AddDays(-7);
        var startUtc = Common.BureauCalendar.ToUtc(from, TimeOnly.MinValue);
        var endUtc = startUtc.AddDays(7);
        var digest = await new SendWeeklyDigestHandler(db, new UserDirectory(db, _database.Clock), Options.Create(Stalled), _database.Clock)
            .ComposeAsync(from, _database.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);

        Assert.Equal(_scenario.Projects.Count(p => p.CreatedAtUtc >= startUtc && p.CreatedAtUtc < endUtc), digest.NewLeads);
        Assert.Equal(_scenario.Projects.SelectMany(p => p.StageChanges).Count(c => c.From != null && c.AtUtc >= startUtc && c.AtUtc < endUtc), digest.StageMoves);
        Assert.Equal(_scenario.Projects.AsQueryable().Count(new StalledRule(Stalled.ToLimits()).Predicate(_database.Clock.GetUtcNow().UtcDateTime)), digest.Stalled);
    }

    // ---- triage on arrival ----

    [Fact]
    public async Task Triage_routes_a_new_submission_to_the_sectors_lead_officer_and_acknowledges_it_once()
    {
        var partnerUser = await _database.AddUserAsync("partner1");
        await using (var db = _database.NewContext())
        {
            var sector = await db.Sectors.SingleAsync(s => s.Id == _scenario.Sector.Id);
            sector.AssignLeadOfficer(_officer);
            var partner = new Partner("甲机构", null, PartnerType.Intermediary, "CN", _database.Clock.GetUtcNow().UtcDateTime);
            partner.Approve(_database.Clock.GetUtcNow().UtcDateTime);
            db.Partners.Add(partner);
            db.PartnerMembers.Add(new PartnerMember(partner.Id, partnerUser, true, _database.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        var scheduler = new RecordingScheduler();
        _database.User = new TestUser { Id = partnerUser, UserName = "partner1" };
        _database.User.Roles.Add(Roles.Partner);
        await using (var db = _database.NewContext())
        {
            var command = new SubmitProject("新咖啡烘焙", null, "CN", null, "项目简介", _scenario.Sector.Id, new MoneyDto(100_000_000, "CNY"), 20, 50, "联系人", null, null, null, null);
            await new SubmitProjectHandler(db, _database.User, new NoFiles(), Options.Create(new PortalOptions()), _database.Clock, scheduler, Microsoft.Extensions.Logging.Abstractions.NullLogger<SubmitProjectHandler>.Instance, new IdempotencyStore(db)).Handle(command, CancellationToken.None);
        }

        Assert.Equal([JobNames.SubmissionTriage], scheduler.Enqueued);
        Assert.Equal(2, (await RunAsync(db => Triage(db))).Effects);
        Assert.Equal(0, (await RunAsync(db => Triage(db))).Effects);
        await using var check = _database.NewContext();
        Assert.Equal(_officer, (await check.Notifications.SingleAsync(n => n.Kind == JobKinds.Routed)).UserId);
        Assert.Equal(partnerUser, (await check.Notifications.SingleAsync(n => n.Kind == JobKinds.Acknowledged)).UserId);
        Assert.Equal(2, await check.OutboxEmails.CountAsync());

        // Worded for each reader from codes: the enterprise's name falls back to the Chinese one in English.
        var routed = await check.Notifications.SingleAsync(n => n.Kind == JobKinds.Routed);
        var english = Notifier.Word(routed.Title, routed.Body, routed.TitleCode, routed.BodyCode, routed.ArgsJson, Messages.CultureOf("en-US")).Title;
        Assert.StartsWith("New submission to triage: ", english, StringComparison.Ordinal);
        Assert.EndsWith(" 新咖啡烘焙", english, StringComparison.Ordinal);
        Assert.Equal(routed.Title, Notifier.Word(routed.Title, routed.Body, routed.TitleCode, routed.BodyCode, routed.ArgsJson, Messages.CultureOf(null)).Title);
        var ack = await check.Notifications.SingleAsync(n => n.Kind == JobKinds.Acknowledged);
        Assert.StartsWith("Submission received: ", Notifier.Word(ack.Title, ack.Body, ack.TitleCode, ack.BodyCode, ack.ArgsJson, Messages.CultureOf("en")).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_is_a_fixed_number_of_statements()
    {
        var partnerUser = await _database.AddUserAsync("partner2");
        await using (var db = _database.NewContext())
        {
            var partner = new Partner("乙机构", null, PartnerType.Intermediary, "CN", _database.Clock.GetUtcNow().UtcDateTime);
            partner.Approve(_database.Clock.GetUtcNow().UtcDateTime);
            db.Partners.Add(partner);
            db.PartnerMembers.Add(new PartnerMember(partner.Id, partnerUser, true, _database.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        async Task SubmitAsync(int count)
        {
            _database.User = new TestUser { Id = partnerUser, UserName = "partner2" };
            _database.User.Roles.Add(Roles.Partner);
            for (var i = 0; i < count; i++)
            {
                await using var db = _database.NewContext();
                var command = new SubmitProject($"报送企业{Guid.NewGuid():N}"[..12], null, "CN", null, "项目简介", _scenario.Sector.Id, new MoneyDto(100_000_000, "CNY"), 20, 50, "联系人", null, null, null, null);
                await new SubmitProjectHandler(db, _database.User, new NoFiles(), Options.Create(new PortalOptions()), _database.Clock, new RecordingScheduler(), Microsoft.Extensions.Logging.Abstractions.NullLogger<SubmitProjectHandler>.Instance, new IdempotencyStore(db)).Handle(command, CancellationToken.None);
            }
        }

        await SubmitAsync(1);
        var few = await CountStatementsAsync(db => Triage(db));
        await SubmitAsync(12);
        var many = await CountStatementsAsync(db => Triage(db));

        Assert.Equal(few.Statements, many.Statements);
        Assert.Equal(1, few.Result.Effects); // no lead officer: the acknowledgement only
        Assert.Equal(12, many.Result.Effects);
    }

    // ---- helpers ----

    private Task<JobResult> Reminders(AppDbContext db) =>
        new SendFollowUpRemindersHandler(db, new JobSql(db, _database.Dialect), _database.Clock).Handle(new SendFollowUpReminders(), CancellationToken.None).AsTask();

    private Task<JobResult> Stale(AppDbContext db) =>
        new FlagStaleProjectsHandler(db, new JobSql(db, _database.Dialect), Options.Create(Stalled), Options.Create(Jobs), _database.Clock).Handle(new FlagStaleProjects(), CancellationToken.None).AsTask();

    private Task<JobResult> Escalate(AppDbContext db) =>
        new EscalateStalledProjectsHandler(db, new JobSql(db, _database.Dialect), Options.Create(Stalled), Options.Create(Jobs), _database.Clock).Handle(new EscalateStalledProjects(), CancellationToken.None).AsTask();

    private Task<JobResult> Digest(AppDbContext db) =>
        new SendWeeklyDigestHandler(db, new UserDirectory(db, _database.Clock), Options.Create(Stalled), _database.Clock).Handle(new SendWeeklyDigest(), CancellationToken.None).AsTask();

    private Task<JobResult> Triage(AppDbContext db) =>
        new TriageSubmissionsHandler(db, new JobSql(db, _database.Dialect), _database.Clock).Handle(new TriageSubmissions(), CancellationToken.None).AsTask();

    private Task<JobResult> Dispatch(AppDbContext db, MailOptions mail, string? pickup = null) =>
        new DispatchEmailsHandler(db, new UserDirectory(db, _database.Clock), new MailKitEmailSender(Options.Create(mail), new MailPickupFolder(pickup ?? Directory.CreateTempSubdirectory("ki-mail-").FullName)), Options.Create(mail), _database.Clock, NullLogger<DispatchEmailsHandler>.Instance)
            .Handle(new DispatchEmails(), CancellationToken.None).AsTask();

    private async Task<JobResult> RunAsync(Func<AppDbContext, Task<JobResult>> job)
    {
        await using var db = _database.NewContext();
        return await job(db);
    }

    private async Task<(int Statements, JobResult Result)> CountStatementsAsync(Func<AppDbContext, Task<JobResult>> job)
    {
        var counter = new AllStatements();
        await using var db = _database.NewContext(counter);
        var result = await job(db);
        return (counter.Count, result);
    }

    private async Task<List<Guid>> AddFollowUpsAsync(DateOnly today, int[] dueInDays, bool closedOverdue = false)
    {
        await using var db = _database.NewContext();
        var project = _scenario.Projects[0].Id;
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        var added = dueInDays.Select(d => new FollowUp(project, _officer, today.AddDays(d), $"跟进 {d}", _officer, now)).ToList();
        if (closedOverdue)
        {
            var closed = new FollowUp(project, _officer, today.AddDays(-5), "已完成", _officer, now);
            closed.Complete(_officer, null, now);
            db.FollowUps.Add(closed);
        }

        db.FollowUps.AddRange(added);
        await db.SaveChangesAsync();
        return [.. added.OrderBy(f => f.DueOn).Select(f => f.Id)];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Counts every command sent (queries, updates and inserts alike).</summary>
    private sealed class AllStatements : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Fails the first command whose text contains <paramref name="text"/>, as a process killed at that point would.</summary>
    private sealed class FailOn(string text) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains(text, StringComparison.Ordinal)
                ? throw new InvalidOperationException("Simulated crash")
                : ValueTask.FromResult(result);
    }

    private sealed class RecordingScheduler : Common.IJobScheduler
    {
        public List<string> Enqueued { get; } = [];
        public bool IsEnabled => true;
        public IReadOnlyList<Common.RecurringJobInfo> RecurringJobs() => [];
        public bool Trigger(string jobName) => false;
        public void Enqueue(string jobName) => Enqueued.Add(jobName);
    }

    private sealed class NoFiles : IAttachmentStore
    {
        public Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken) => Task.FromResult("x");
        public Stream OpenRead(string storedName) => Stream.Null;
        public void Delete(string storedName)
        {
        }
    }
}
