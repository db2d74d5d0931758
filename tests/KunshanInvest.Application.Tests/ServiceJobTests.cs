using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Jobs;
using KunshanInvest.Application.Jobs.DispatchEmails;
using KunshanInvest.Application.Jobs.EscalateOverdueServiceRequests;
using KunshanInvest.Application.Jobs.RemindReturnVisits;
using KunshanInvest.Application.Jobs.RemindServiceDeadlines;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Jobs;
using KunshanInvest.Infrastructure.Mail;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// The service request sweeps on a real database (SQLite, and PostgreSQL in <see cref="PostgresServiceJobTests"/>):
/// each effect once per request and state — on a rerun, across two concurrent runs, again only in a new department
/// after a reassignment, never after 办结 / 退回 / 回访 — and worded in each recipient's language. Now is
/// 2026-06-30 08:00 UTC (16:00 in Kunshan).
/// </summary>
public abstract class ServiceJobTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly ServiceJobOptions Options = new() { RemindHoursBeforeDue = 24, VisitAfterDays = 3 };
    private TestDatabase _database = null!;
    private Guid _head;
    private Guid _member;
    private Guid _otherMember;
    private Guid _manager;
    private Guid _officer;
    private Guid _enterprise;
    private Guid _category;
    private Guid _power;
    private Guid _water;

    private DateTime Now => _database.Clock.GetUtcNow().UtcDateTime;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _head = await _database.AddUserAsync("head");
        _member = await _database.AddUserAsync("member");
        _otherMember = await _database.AddUserAsync("member2");
        _manager = await _database.AddUserAsync("manager");
        _officer = await _database.AddUserAsync("officer");
        var disabled = await _database.AddUserAsync("gone");
        await using var db = _database.NewContext();
        var managers = new AppRole { Name = Roles.Manager, NormalizedName = Roles.Manager.ToUpperInvariant() };
        var handlers = new AppRole { Name = Roles.Department, NormalizedName = Roles.Department.ToUpperInvariant() };
        db.Roles.AddRange(managers, handlers);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = _manager, RoleId = managers.Id });
        foreach (var user in new[] { _head, _member, _otherMember, disabled })
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user, RoleId = handlers.Id });
        }

        (await db.Users.SingleAsync(u => u.Id == disabled)).IsDisabled = true;
        var enterprise = new Enterprise("诉求测试企业", "Service Test Co", "CN", Ownership.Domestic);
        var category = new ServiceCategory("power-supply", "用电", "Power", 5);
        var power = new Department("power-bureau", "供电所", "Power bureau");
        power.SetHead(_head);
        var water = new Department("water-bureau", "水务局", "Water bureau");
        db.AddRange(enterprise, category, power, water);
        db.DepartmentMembers.AddRange(
            new DepartmentMember(power.Id, _head), new DepartmentMember(power.Id, _member), new DepartmentMember(power.Id, disabled),
            new DepartmentMember(water.Id, _otherMember));
        await db.SaveChangesAsync();
        (_enterprise, _category, _power, _water) = (enterprise.Id, category.Id, power.Id, water.Id);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    // ---- the reminder before the deadline ----

    [Fact]
    public async Task The_deadline_reminder_goes_once_to_each_enabled_member_and_again_only_in_a_new_department()
    {
        var soon = await NewRequestAsync(_power, Now.AddHours(12));
        await NewRequestAsync(_power, Now.AddHours(72)); // beyond the lead time
        await NewRequestAsync(_power, Now.AddHours(-1), acceptedDaysAgo: 5); // overdue: escalation's, not a reminder
        var closed = await NewRequestAsync(_power, Now.AddHours(6));
        await ChangeAsync(closed, r => r.Close("已送电", _officer, Now));
        var returned = await NewRequestAsync(_power, Now.AddHours(6));
        await ChangeAsync(returned, r => r.Return("非本部门职责", _officer, Now));

        var first = await RunAsync(Remind);
        var again = await RunAsync(Remind);
        await ChangeAsync(soon, r => r.Reassign(_water, "转水务", _officer, Now));
        var reassigned = await RunAsync(Remind);
        var once = await RunAsync(Remind);

        Assert.Equal((2, 0, 1, 0), (first.Effects, again.Effects, reassigned.Effects, once.Effects));
        await using var db = _database.NewContext();
        var notices = await db.Notifications.Where(n => n.Kind == JobKinds.ServiceDueSoon).ToListAsync();
        Assert.All(notices, n => Assert.Equal(soon, n.SubjectId!.Value));
        Assert.Equal(new[] { _head, _member, _otherMember }.Order(), notices.Select(n => n.UserId).Order());
        Assert.Equal(3, await db.OutboxEmails.CountAsync());
        var request = await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == soon);
        Assert.Equal((_water, (DateTime?)Now), (request.DeadlineRemindedDepartmentId, request.DeadlineRemindedAtUtc));
    }

    // ---- the escalation when overdue ----

    [Fact]
    public async Task An_overdue_request_escalates_once_to_its_head_and_the_managers_and_again_to_a_new_departments_head()
    {
        var overdue = await NewRequestAsync(_power, Now.AddDays(-1), acceptedDaysAgo: 6);
        await NewRequestAsync(_power, Now.AddDays(9)); // not yet due, even after the week this test spans
        var closedLate = await NewRequestAsync(_power, Now.AddDays(-2), acceptedDaysAgo: 7);
        await ChangeAsync(closedLate, r => r.Close("已办结", _officer, Now));

        var first = await RunAsync(Escalate);
        var again = await RunAsync(Escalate);

        // Reassigned the next day to the water bureau, now headed by its member: its head and the managers hear of it.
        await using (var db = _database.NewContext())
        {
            (await db.Departments.SingleAsync(d => d.Id == _water)).SetHead(_otherMember);
            await db.SaveChangesAsync();
        }

        _database.Clock.Now = _database.Clock.Now.AddDays(1);
        await ChangeAsync(overdue, r => r.Reassign(_water, null, _officer, Now));
        var reassigned = await RunAsync(Escalate);
        var once = await RunAsync(Escalate);

        // Closed at last: nothing more is said, however late.
        await ChangeAsync(overdue, r => r.Close("已协调", _otherMember, Now));
        _database.Clock.Now = _database.Clock.Now.AddDays(5);
        var afterClose = await RunAsync(Escalate);

        Assert.Equal((2, 0, 2, 0, 0), (first.Effects, again.Effects, reassigned.Effects, once.Effects, afterClose.Effects));
        await using var check = _database.NewContext();
        var notices = await check.Notifications.Where(n => n.Kind == JobKinds.ServiceOverdue).ToListAsync();
        Assert.All(notices, n => Assert.Equal(overdue, n.SubjectId!.Value));
        Assert.Equal(new[] { _head, _manager, _otherMember, _manager }.Order(), notices.Select(n => n.UserId).Order());
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityType == "Job:" + JobNames.ServiceEscalation));
    }

    [Fact]
    public async Task A_head_who_is_a_manager_is_told_once()
    {
        await using (var db = _database.NewContext())
        {
            (await db.Departments.SingleAsync(d => d.Id == _power)).SetHead(_manager);
            await db.SaveChangesAsync();
        }

        await NewRequestAsync(_power, Now.AddDays(-1), acceptedDaysAgo: 6);

        Assert.Equal(1, (await RunAsync(Escalate)).Effects);
    }

    // ---- the return-visit reminder ----

    [Fact]
    public async Task The_return_visit_reminder_goes_once_to_the_service_officer_after_the_days_and_never_once_visited()
    {
        var closedLong = await NewRequestAsync(_power, Now.AddDays(1), acceptedDaysAgo: 10);
        await ChangeAsync(closedLong, r => r.Close("已送电", _member, Now.AddDays(-4)));
        var closedRecently = await NewRequestAsync(_power, Now.AddDays(1), acceptedDaysAgo: 10);
        await ChangeAsync(closedRecently, r => r.Close("已送电", _member, Now.AddDays(-1)));
        var visited = await NewRequestAsync(_power, Now.AddDays(1), acceptedDaysAgo: 10);
        await ChangeAsync(visited, r => r.Close("已送电", _member, Now.AddDays(-5)));
        await ChangeAsync(visited, r => r.RecordVisit(5, "满意", _officer, Now.AddDays(-4)));
        var noOfficer = await NewRequestAsync(_power, Now.AddDays(1), acceptedDaysAgo: 10, withOfficer: false);
        await ChangeAsync(noOfficer, r => r.Close("已送电", _member, Now.AddDays(-4)));

        var first = await RunAsync(RemindVisit);
        var again = await RunAsync(RemindVisit);
        _database.Clock.Now = _database.Clock.Now.AddDays(2); // the recent one's three days are up; the first is still unvisited
        var later = await RunAsync(RemindVisit);
        await ChangeAsync(closedRecently, r => r.RecordVisit(4, null, _officer, Now));
        _database.Clock.Now = _database.Clock.Now.AddDays(2);
        var afterVisit = await RunAsync(RemindVisit);

        Assert.Equal((1, 0, 1, 0), (first.Effects, again.Effects, later.Effects, afterVisit.Effects));
        await using var db = _database.NewContext();
        var notices = await db.Notifications.Where(n => n.Kind == JobKinds.ServiceVisitDue).ToListAsync();
        Assert.Equal(new[] { closedLong, closedRecently }.Order(), notices.Select(n => n.SubjectId!.Value).Order());
        Assert.All(notices, n => Assert.Equal(_officer, n.UserId));
    }

    // ---- two servers at once ----

    [Fact]
    public async Task Two_concurrent_runs_of_each_sweep_record_each_effect_once()
    {
        foreach (var i in Enumerable.Range(1, 4))
        {
            await NewRequestAsync(_power, Now.AddHours(i)); // due soon: head and member each
            await NewRequestAsync(_water, Now.AddHours(-i), acceptedDaysAgo: 6); // overdue, no head: the manager
            var closed = await NewRequestAsync(_water, Now.AddDays(1), acceptedDaysAgo: 10);
            await ChangeAsync(closed, r => r.Close("已办结", _otherMember, Now.AddDays(-3 - i))); // the officer
        }

        var reminders = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(Remind))));
        var escalations = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(Escalate))));
        var visits = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(RemindVisit))));

        Assert.Equal((8, 4, 4), (reminders.Sum(r => r.Effects), escalations.Sum(r => r.Effects), visits.Sum(r => r.Effects)));
        await using var db = _database.NewContext();
        Assert.Equal(16, await db.Notifications.CountAsync());
        Assert.Equal(16, await db.OutboxEmails.CountAsync());
    }

    // ---- fixed statement counts ----

    [Fact]
    public async Task Each_sweep_sends_the_same_number_of_statements_for_one_request_as_for_twenty()
    {
        await NewRequestAsync(_power, Now.AddDays(-1), acceptedDaysAgo: 6);
        var one = await CountAsync(Escalate);

        _database.Clock.Now = _database.Clock.Now.AddDays(1);
        foreach (var i in Enumerable.Range(0, 20))
        {
            await NewRequestAsync(i % 2 == 0 ? _power : _water, Now.AddHours(-1 - i), acceptedDaysAgo: 6);
        }

        var twenty = await CountAsync(Escalate);

        Assert.Equal(one.Statements, twenty.Statements);
        Assert.Equal((2, 30), (one.Effects, twenty.Effects)); // power: head + manager; water: the manager
    }

    // ---- the reader's language ----

    [Fact]
    public async Task Notices_and_emails_are_worded_in_each_recipients_language()
    {
        await using (var db = _database.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _manager)).Language = "en-US";
            (await db.Users.SingleAsync(u => u.Id == _head)).Language = "zh-CN";
            await db.SaveChangesAsync();
        }

        await NewRequestAsync(_power, BureauDay(2026, 6, 29), acceptedDaysAgo: 6);
        Assert.Equal(2, (await RunAsync(Escalate)).Effects);

        await using (var db = _database.NewContext())
        {
            var notice = await db.Notifications.FirstAsync(n => n.UserId == _manager);
            Assert.Equal((M.ServiceOverdue.Code, M.ServiceOverdueBody.Code), (notice.TitleCode, notice.BodyCode));
            var (en, enBody) = Notifier.Word(notice.Title, notice.Body, notice.TitleCode, notice.BodyCode, notice.ArgsJson, Messages.CultureOf("en-US"));
            var (zh, zhBody) = Notifier.Word(notice.Title, notice.Body, notice.TitleCode, notice.BodyCode, notice.ArgsJson, Messages.CultureOf("zh-CN"));
            Assert.Equal("Request overdue: Service Test Co · Power", en);
            Assert.Equal("The request with Power bureau was due on 2026-06-29 and is not closed: please follow it up.", enBody);
            Assert.Equal("诉求已超期:诉求测试企业 · 用电", zh);
            Assert.Equal("供电所 承办的诉求已于 2026-06-29 到期仍未办结,请督办。", zhBody);
            Assert.StartsWith("/service-requests/", notice.Link, StringComparison.Ordinal);
        }

        var pickup = Directory.CreateTempSubdirectory("ki-mail-").FullName;
        Assert.Equal(2, (await RunAsync(db => Dispatch(db, pickup))).Effects);
        var subjects = Directory.GetFiles(pickup, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToDictionary(m => m.To.Mailboxes.Single().Address, m => m.Subject);
        Assert.Equal("Request overdue: Service Test Co · Power", subjects["manager@test"]);
        Assert.Equal("诉求已超期:诉求测试企业 · 用电", subjects["head@test"]);
    }

    // ---- helpers ----

    /// <summary>A Kunshan day's noon as UTC (04:00).</summary>
    private static DateTime BureauDay(int year, int month, int day) => Common.BureauCalendar.ToUtc(new DateOnly(year, month, day), new TimeOnly(12, 0));

    private async Task<Guid> NewRequestAsync(Guid department, DateTime dueAtUtc, int acceptedDaysAgo = 2, bool withOfficer = true)
    {
        await using var db = _database.NewContext();
        var accepted = Now.AddDays(-acceptedDaysAgo);
        var request = new ServiceRequest(_enterprise, _category, department, "需要临时用电", "王经理", "13800000000",
            withOfficer ? _officer : null, _officer, accepted, dueAtUtc > accepted ? dueAtUtc : accepted.AddHours(1));
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task ChangeAsync(Guid id, Action<ServiceRequest> change)
    {
        await using var db = _database.NewContext();
        var request = await db.ServiceRequests.Include(r => r.Steps).SingleAsync(r => r.Id == id);
        change(request);
        await db.SaveChangesAsync();
    }

    private Task<JobResult> Remind(AppDbContext db) =>
        new RemindServiceDeadlinesHandler(db, new JobSql(db, _database.Dialect), new ServiceJobSql(db, _database.Dialect), Microsoft.Extensions.Options.Options.Create(Options), _database.Clock)
            .Handle(new RemindServiceDeadlines(), CancellationToken.None).AsTask();

    private Task<JobResult> Escalate(AppDbContext db) =>
        new EscalateOverdueServiceRequestsHandler(db, new JobSql(db, _database.Dialect), new ServiceJobSql(db, _database.Dialect), _database.Clock)
            .Handle(new EscalateOverdueServiceRequests(), CancellationToken.None).AsTask();

    private Task<JobResult> RemindVisit(AppDbContext db) =>
        new RemindReturnVisitsHandler(db, new JobSql(db, _database.Dialect), new ServiceJobSql(db, _database.Dialect), Microsoft.Extensions.Options.Options.Create(Options), _database.Clock)
            .Handle(new RemindReturnVisits(), CancellationToken.None).AsTask();

    private Task<JobResult> Dispatch(AppDbContext db, string pickup)
    {
        var mail = new MailOptions { From = "crm@kunshan.test" };
        return new DispatchEmailsHandler(db, new UserDirectory(db, _database.Clock), new MailKitEmailSender(Microsoft.Extensions.Options.Options.Create(mail), new MailPickupFolder(pickup)), Microsoft.Extensions.Options.Options.Create(mail), _database.Clock, NullLogger<DispatchEmailsHandler>.Instance)
            .Handle(new DispatchEmails(), CancellationToken.None).AsTask();
    }

    private async Task<JobResult> RunAsync(Func<AppDbContext, Task<JobResult>> job)
    {
        await using var db = _database.NewContext();
        return await job(db);
    }

    private async Task<(int Statements, int Effects)> CountAsync(Func<AppDbContext, Task<JobResult>> job)
    {
        var counter = new Every();
        await using var db = _database.NewContext(counter);
        var result = await job(db);
        return (counter.Count, result.Effects);
    }

    /// <summary>Counts every command sent (queries, updates and inserts alike).</summary>
    private sealed class Every : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteServiceJobTests() : ServiceJobTests(DatabaseProvider.Sqlite);

public sealed class PostgresServiceJobTests() : ServiceJobTests(DatabaseProvider.PostgreSql);
