using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.ServiceRequests;
using KunshanInvest.Application.ServiceRequests.AddServiceRequestAttachment;
using KunshanInvest.Application.ServiceRequests.AssignServiceOfficer;
using KunshanInvest.Application.ServiceRequests.CloseServiceRequest;
using KunshanInvest.Application.ServiceRequests.GetServiceRequest;
using KunshanInvest.Application.ServiceRequests.GetServiceRequestAttachment;
using KunshanInvest.Application.ServiceRequests.ListEnterpriseServiceRequests;
using KunshanInvest.Application.ServiceRequests.ListServiceRequests;
using KunshanInvest.Application.ServiceRequests.ListServiceRequestsDue;
using KunshanInvest.Application.ServiceRequests.LogServiceRequest;
using KunshanInvest.Application.ServiceRequests.ReassignServiceRequest;
using KunshanInvest.Application.ServiceRequests.RecordReturnVisit;
using KunshanInvest.Application.ServiceRequests.ReturnServiceRequest;
using KunshanInvest.Application.ServiceRequests.StartServiceRequest;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// Service requests through their handlers on a real database of each provider: the landed check, the deadline from the
/// category, the department scope (ADR 0031), the step trail and its audit, files, and fixed statement counts.
/// </summary>
public abstract class ServiceRequestHandlerTests(DatabaseProvider provider)
{
    private sealed record World(
        TestDatabase Database, Guid Officer, Guid Colleague, Guid Manager, Guid Handler, Guid OtherHandler,
        Guid Landed, Guid NotLanded, Guid Utilities, Guid Hiring, Guid Power, Guid Hrss, Guid Closed, IAttachmentStore Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private async Task<World> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var officer = await database.AddStaffAsync("officer", Roles.Officer);
        var colleague = await database.AddStaffAsync("colleague", Roles.Officer);
        var manager = await database.AddStaffAsync("manager", Roles.Manager);
        var handler = await database.AddStaffAsync("dept", Roles.Department);
        var other = await database.AddStaffAsync("dept2", Roles.Department);
        var landedProject = await database.AddProjectAsync($"SR-{Guid.NewGuid():N}"[..12], officer);
        var leadProject = await database.AddProjectAsync($"SR-{Guid.NewGuid():N}"[..12], officer);
        await using var db = database.NewContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var project = await db.Projects.SingleAsync(p => p.Id == landedProject);
        project.ImportHistory([(ProjectStage.Registered, now.AddDays(-10))], manager, "测试", now);
        var landed = project.EnterpriseId!.Value;
        (await db.Enterprises.SingleAsync(e => e.Id == landed)).AssignServiceOfficer(officer);
        var notLanded = await db.Projects.Where(p => p.Id == leadProject).Select(p => p.EnterpriseId!.Value).SingleAsync();
        var utilities = new ServiceCategory("utilities", "用电用水用气", "Utilities", 5);
        var hiring = new ServiceCategory("hiring", "用工", "Hiring", 15);
        var closed = new ServiceCategory("closed", "停用", "Retired", 10);
        closed.Activate(false);
        var power = new Department("power", "供电所", "Power Supply Office");
        var hrss = new Department("hrss", "人社局", "HR Bureau");
        db.ServiceCategories.AddRange(utilities, hiring, closed);
        db.Departments.AddRange(power, hrss);
        db.DepartmentMembers.AddRange(new DepartmentMember(power.Id, handler), new DepartmentMember(hrss.Id, other));
        await db.SaveChangesAsync();
        var folder = Directory.CreateTempSubdirectory("ki-svc-").FullName;
        var store = new FileAttachmentStore(new DatabaseOptions { DataDirectory = folder }, new HostingEnvironment { ContentRootPath = folder });
        var w = new World(database, officer, colleague, manager, handler, other, landed, notLanded, utilities.Id, hiring.Id, power.Id, hrss.Id, closed.Id, store);
        As(w, officer, Roles.Officer);
        return w;
    }

    private static void As(World w, Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        w.Database.User = user;
    }

    private static async Task<ServiceRequestChanged> LogAsync(World w, Guid? enterprise = null, Guid? category = null, Guid? department = null, params UploadedFile[] files)
    {
        await using var db = w.Database.NewContext();
        return await new LogServiceRequestHandler(db, w.Database.User, w.Store, w.Database.Clock)
            .Handle(new LogServiceRequest(enterprise ?? w.Landed, category ?? w.Utilities, department ?? w.Power, "新厂房申请临时用电", "王经理", "0512-1234", files), CancellationToken.None);
    }

    private static async Task<ServiceRequestChanged> StepAsync(World w, Func<TestDatabase, Infrastructure.Persistence.AppDbContext, ValueTask<ServiceRequestChanged>> step)
    {
        await using var db = w.Database.NewContext();
        return await step(w.Database, db);
    }

    private static Task<ServiceRequestChanged> StartAsync(World w, ServiceRequestChanged r) =>
        StepAsync(w, (d, db) => new StartServiceRequestHandler(db, d.User, d.Clock).Handle(new StartServiceRequest(r.Id, r.Version), CancellationToken.None));

    private static Task<ServiceRequestChanged> CloseAsync(World w, ServiceRequestChanged r, string reply = "已增容") =>
        StepAsync(w, (d, db) => new CloseServiceRequestHandler(db, d.User, d.Clock).Handle(new CloseServiceRequest(r.Id, r.Version, reply), CancellationToken.None));

    private static Task<ServiceRequestChanged> VisitAsync(World w, ServiceRequestChanged r, int satisfaction = 5) =>
        StepAsync(w, (d, db) => new RecordReturnVisitHandler(db, d.User, d.Clock).Handle(new RecordReturnVisit(r.Id, r.Version, satisfaction, "满意"), CancellationToken.None));

    private static Task<ServiceRequestChanged> ReassignAsync(World w, ServiceRequestChanged r, Guid to) =>
        StepAsync(w, (d, db) => new ReassignServiceRequestHandler(db, d.User, d.Clock).Handle(new ReassignServiceRequest(r.Id, r.Version, to, "属人社局"), CancellationToken.None));

    private static Task<ServiceRequestChanged> ReturnAsync(World w, ServiceRequestChanged r) =>
        StepAsync(w, (d, db) => new ReturnServiceRequestHandler(db, d.User, d.Clock).Handle(new ReturnServiceRequest(r.Id, r.Version, "材料不全"), CancellationToken.None));

    private static async Task<ServiceRequestDetail> GetAsync(World w, Guid id)
    {
        await using var db = w.Database.NewContext();
        return await new GetServiceRequestHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock).Handle(new GetServiceRequest(id), CancellationToken.None);
    }

    private static async Task<ServiceRequestPage> ListAsync(World w, ListServiceRequests query, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        await using var db = w.Database.NewContext(interceptors);
        return await new ListServiceRequestsHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock).Handle(query, CancellationToken.None);
    }

    [Fact]
    public async Task Logging_needs_a_landed_enterprise_and_takes_the_deadline_from_the_category_and_the_officer_from_the_enterprise()
    {
        await using var w = await WorldAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => LogAsync(w, enterprise: w.NotLanded));
        Assert.Equal("service.not_landed", refused.Code);
        Assert.StartsWith("企业 SR-", (string)refused.Args["enterprise"]!);
        Assert.Equal("service.category_inactive", (await Assert.ThrowsAsync<DomainRuleException>(() => LogAsync(w, category: w.Closed))).Code);
        Assert.Equal("service.department_inactive", (await Assert.ThrowsAsync<DomainRuleException>(() => LogAsync(w, department: Guid.CreateVersion7()))).Code);
        await Assert.ThrowsAsync<NotFoundException>(() => LogAsync(w, enterprise: Guid.CreateVersion7()));

        As(w, w.Colleague, Roles.Officer);
        var power = await LogAsync(w);
        var hiring = await LogAsync(w, category: w.Hiring, department: w.Hrss);

        await using var db = w.Database.NewContext();
        var now = w.Database.Clock.GetUtcNow().UtcDateTime;
        var stored = await db.ServiceRequests.AsNoTracking().Where(r => r.Id == power.Id || r.Id == hiring.Id).ToDictionaryAsync(r => r.Id);
        Assert.Equal((now.AddDays(5), (Guid?)w.Officer, w.Colleague, ServiceRequestStatus.Accepted), (stored[power.Id].DueAtUtc, stored[power.Id].ServiceOfficerId, stored[power.Id].CreatedById, stored[power.Id].Status));
        Assert.Equal(now.AddDays(15), stored[hiring.Id].DueAtUtc);
        Assert.Equal(2, await db.ServiceRequests.CountAsync());
    }

    [Fact]
    public async Task A_department_user_sees_and_works_only_their_departments_requests_and_staff_see_all()
    {
        await using var w = await WorldAsync();
        var power = await LogAsync(w);
        var hiring = await LogAsync(w, category: w.Hiring, department: w.Hrss);

        As(w, w.Handler, Roles.Department);
        Assert.Equal([power.Id], (await ListAsync(w, new ListServiceRequests())).Items.Select(r => r.Id));
        Assert.Equal(1, (await ListAsync(w, new ListServiceRequests())).Total);
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(w, hiring.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => StartAsync(w, hiring));
        Assert.True((await GetAsync(w, power.Id)).CanWork);

        // Staff read everything; an officer outside the department may not take its steps; a manager covers.
        As(w, w.Colleague, Roles.Officer);
        Assert.Equal(2, (await ListAsync(w, new ListServiceRequests())).Total);
        Assert.False((await GetAsync(w, hiring.Id)).CanWork);
        Assert.Equal("service.not_your_step", (await Assert.ThrowsAsync<DomainForbiddenException>(() => StartAsync(w, hiring))).Code);
        As(w, w.Manager, Roles.Manager);
        var started = await StartAsync(w, hiring);
        Assert.Equal(ServiceRequestStatus.InProgress, started.Status);

        // Reassigned away, the request leaves the first department's sight and reaches the second's.
        As(w, w.Handler, Roles.Department);
        var moved = await ReassignAsync(w, power, w.Hrss);
        Assert.Equal((w.Hrss, ServiceRequestStatus.Accepted), (moved.DepartmentId, moved.Status));
        Assert.Equal(0, (await ListAsync(w, new ListServiceRequests())).Total);
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(w, power.Id));
        As(w, w.OtherHandler, Roles.Department);
        Assert.Equal(2, (await ListAsync(w, new ListServiceRequests())).Total);
        Assert.True((await GetAsync(w, power.Id)).CanWork);
    }

    [Fact]
    public async Task The_access_filters_are_sql_and_agree_with_the_roles()
    {
        await using var w = await WorldAsync();
        var power = await LogAsync(w);
        var hiring = await LogAsync(w, category: w.Hiring, department: w.Hrss);
        await using (var db = w.Database.NewContext())
        {
            db.DepartmentMembers.Add(new DepartmentMember(w.Hrss, w.Handler));
            await db.SaveChangesAsync();
        }

        async Task<(Guid[] Read, Guid[] Work)> ScopeAsync(Guid id, params string[] roles)
        {
            var user = TestUser.As("u", roles);
            user.Id = id;
            await using var db = w.Database.NewContext();
            var read = await ServiceRequestAccess.Readable(db, user).OrderBy(r => r.DueAtUtc).Select(r => r.Id).ToArrayAsync();
            var work = await ServiceRequestAccess.Workable(db, user).OrderBy(r => r.DueAtUtc).Select(r => r.Id).ToArrayAsync();
            return (read, work);
        }

        Guid[] both = [power.Id, hiring.Id];
        var member = await ScopeAsync(w.Handler, Roles.Department); // a member of both
        Assert.Equal(both, member.Read);
        Assert.Equal(both, member.Work);
        var other = await ScopeAsync(w.OtherHandler, Roles.Department);
        Assert.Equal([hiring.Id], other.Read);
        Assert.Equal([hiring.Id], other.Work);
        var officer = await ScopeAsync(w.Officer, Roles.Officer);
        Assert.Equal(both, officer.Read);
        Assert.Empty(officer.Work);
        var manager = await ScopeAsync(w.Manager, Roles.Manager);
        Assert.Equal(both, manager.Read);
        Assert.Equal(both, manager.Work);
        var partner = await ScopeAsync(w.Handler, Roles.Partner); // a member row is not enough without the role
        Assert.Empty(partner.Read);
        Assert.Empty(partner.Work);
        var auditor = await ScopeAsync(w.Officer, Roles.Auditor);
        Assert.Empty(auditor.Read);
    }

    [Fact]
    public async Task The_loop_keeps_every_step_with_who_when_and_departments_and_every_change_is_audited()
    {
        await using var w = await WorldAsync();
        var r = await LogAsync(w, files: new UploadedFile("电表.png", Png));
        As(w, w.Handler, Roles.Department);
        w.Database.Clock.Now = w.Database.Clock.Now.AddHours(1);
        r = await StartAsync(w, r);
        w.Database.Clock.Now = w.Database.Clock.Now.AddHours(1);
        r = await ReassignAsync(w, r, w.Hrss);
        As(w, w.OtherHandler, Roles.Department);
        w.Database.Clock.Now = w.Database.Clock.Now.AddHours(1);
        r = await CloseAsync(w, r);

        // The return visit: neither a department user nor another officer; the service officer may.
        await Assert.ThrowsAsync<DomainForbiddenException>(() => VisitAsync(w, r));
        As(w, w.Colleague, Roles.Officer);
        Assert.Equal("service.visit_not_yours", (await Assert.ThrowsAsync<DomainForbiddenException>(() => VisitAsync(w, r))).Code);
        Assert.False((await GetAsync(w, r.Id)).CanVisit);
        As(w, w.Officer, Roles.Officer);
        Assert.True((await GetAsync(w, r.Id)).CanVisit);
        w.Database.Clock.Now = w.Database.Clock.Now.AddHours(1);
        r = await VisitAsync(w, r, 4);

        var detail = await GetAsync(w, r.Id);
        var t0 = new DateTime(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal((ServiceRequestStatus.Visited, 4, "已增容"), (detail.Request.Status, detail.Request.Satisfaction, detail.Reply));
        Assert.Equal([ServiceStepKind.Accepted, ServiceStepKind.Started, ServiceStepKind.Reassigned, ServiceStepKind.Closed, ServiceStepKind.Visited], detail.Steps.Select(s => s.Kind));
        Assert.Equal(["officer", "dept", "dept", "dept2", "officer"], detail.Steps.Select(s => s.ByName));
        Assert.Equal([t0, t0.AddHours(1), t0.AddHours(2), t0.AddHours(3), t0.AddHours(4)], detail.Steps.Select(s => s.AtUtc));
        Assert.Equal(("供电所", "人社局"), (detail.Steps[2].FromDepartmentNameZh, detail.Steps[2].ToDepartmentNameZh));
        Assert.Equal("供电所", detail.Steps[0].ToDepartmentNameZh);
        Assert.Equal(("电表.png", "image/png", "officer"), (detail.Attachments.Single().FileName, detail.Attachments.Single().ContentType, detail.Attachments.Single().UploadedByName));
        Assert.False(detail.CanWork);

        await using var db = w.Database.NewContext();
        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ServiceRequest) || a.EntityType == nameof(ServiceRequestStep) || a.EntityType == nameof(ServiceRequestAttachment)).ToListAsync();
        Assert.Equal(5, audits.Count(a => a.EntityType == nameof(ServiceRequest))); // logged + four steps
        Assert.Equal(5, audits.Count(a => a.EntityType == nameof(ServiceRequestStep)));
        Assert.Single(audits, a => a.EntityType == nameof(ServiceRequestAttachment));
        Assert.Contains(audits, a => a.EntityType == nameof(ServiceRequest) && a.Changes.Contains("Satisfaction", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_a_finished_request_refuses_further_steps()
    {
        await using var w = await WorldAsync();
        var r = await LogAsync(w);
        As(w, w.Handler, Roles.Department);
        var started = await StartAsync(w, r);
        await Assert.ThrowsAsync<ConflictException>(() => CloseAsync(w, r)); // the version read before the start
        var returned = await ReturnAsync(w, started);
        Assert.Equal(ServiceRequestStatus.Returned, returned.Status);
        Assert.Equal("service.state", (await Assert.ThrowsAsync<DomainConflictException>(() => CloseAsync(w, returned))).Code);
    }

    [Fact]
    public async Task Files_follow_the_safe_upload_rules_five_at_most_and_download_only_in_scope()
    {
        await using var w = await WorldAsync();
        var r = await LogAsync(w, files: [new UploadedFile("1.png", Png), new UploadedFile("2.png", Png), new UploadedFile("3.pdf", "%PDF-1.7"u8.ToArray())]);
        As(w, w.Handler, Roles.Department);
        await using (var db = w.Database.NewContext())
        {
            var added = await new AddServiceRequestAttachmentHandler(db, w.Database.User, w.Store, w.Database.Clock)
                .Handle(new AddServiceRequestAttachment(r.Id, [new UploadedFile("回复.pdf", "%PDF-1.4"u8.ToArray()), new UploadedFile("x.png", Png)]), CancellationToken.None);
            Assert.Equal(2, added.Count);
        }

        await using (var db = w.Database.NewContext())
        {
            var sixth = await Assert.ThrowsAsync<DomainRuleException>(() => new AddServiceRequestAttachmentHandler(db, w.Database.User, w.Store, w.Database.Clock)
                .Handle(new AddServiceRequestAttachment(r.Id, [new UploadedFile("6.png", Png)]), CancellationToken.None).AsTask());
            Assert.Equal("service.too_many_attachments", sixth.Code);
        }

        var detail = await GetAsync(w, r.Id);
        Assert.Equal(5, detail.Attachments.Count);
        await using (var db = w.Database.NewContext())
        {
            // Files saved in one clock tick have no order among them but their ids': pick the photo by name.
            var photo = detail.Attachments.Single(a => a.FileName == "1.png");
            var file = await new GetServiceRequestAttachmentHandler(db, w.Database.User, w.Store).Handle(new GetServiceRequestAttachment(r.Id, photo.Id), CancellationToken.None);
            await using var content = file.Content;
            Assert.Equal(Png.Length, content.Length);
        }

        As(w, w.OtherHandler, Roles.Department);
        await using (var db = w.Database.NewContext())
        {
            await Assert.ThrowsAsync<NotFoundException>(() => new GetServiceRequestAttachmentHandler(db, w.Database.User, w.Store).Handle(new GetServiceRequestAttachment(r.Id, detail.Attachments[0].Id), CancellationToken.None).AsTask());
        }

        // The validator refuses a renamed file before any work.
        var validation = new LogServiceRequestValidator().Validate(new LogServiceRequest(w.Landed, w.Utilities, w.Power, "x", null, null, [new UploadedFile("evil.png", "MZ"u8.ToArray())]));
        Assert.Contains(validation.Errors, e => e.ErrorCode == "attachment.mismatch");
        var six = Enumerable.Range(0, 6).Select(i => new UploadedFile($"{i}.png", Png)).ToList();
        Assert.Contains(new LogServiceRequestValidator().Validate(new LogServiceRequest(w.Landed, w.Utilities, w.Power, "x", null, null, six)).Errors, e => e.ErrorCode == "service.too_many_attachments");
    }

    [Fact]
    public async Task The_queue_filters_and_sorts_by_deadline_in_sql_with_a_fixed_number_of_statements()
    {
        await using var w = await WorldAsync();
        var first = await LogAsync(w);
        var one = new StatementCounter();
        var page = await ListAsync(w, new ListServiceRequests(), one);
        Assert.Single(page.Items);

        for (var i = 0; i < 24; i++)
        {
            w.Database.Clock.Now = w.Database.Clock.Now.AddMinutes(-30);
            As(w, i % 2 == 0 ? w.Officer : w.Colleague, Roles.Officer);
            await LogAsync(w, category: i % 3 == 0 ? w.Hiring : w.Utilities, department: i % 3 == 0 ? w.Hrss : w.Power);
        }

        w.Database.Clock.Now = new DateTimeOffset(2026, 6, 30, 8, 0, 0, TimeSpan.Zero);
        As(w, w.Officer, Roles.Officer);
        var many = new StatementCounter();
        page = await ListAsync(w, new ListServiceRequests(PageSize: 10), many);
        Assert.Equal(one.Queries.Count, many.Queries.Count);
        Assert.Equal((25, 10), (page.Total, page.Items.Count));
        Assert.Equal(page.Items.Select(i => i.DueAtUtc).Order(), page.Items.Select(i => i.DueAtUtc));

        Assert.Equal(8, (await ListAsync(w, new ListServiceRequests(CategoryId: w.Hiring))).Total);
        Assert.Equal(17, (await ListAsync(w, new ListServiceRequests(DepartmentId: w.Power))).Total);
        Assert.Equal(25, (await ListAsync(w, new ListServiceRequests(Mine: true))).Total); // the officer serves the enterprise
        As(w, w.Colleague, Roles.Officer);
        Assert.Equal(12, (await ListAsync(w, new ListServiceRequests(Mine: true))).Total); // the colleague logged twelve
        As(w, w.Officer, Roles.Officer);
        Assert.Equal(0, (await ListAsync(w, new ListServiceRequests(Overdue: true))).Total);

        // Six days on, the utilities requests (5 days) are overdue, the hiring ones (15) not.
        w.Database.Clock.Now = w.Database.Clock.Now.AddDays(6);
        Assert.Equal(17, (await ListAsync(w, new ListServiceRequests(Overdue: true))).Total);
        Assert.True((await ListAsync(w, new ListServiceRequests(Overdue: true, PageSize: 1))).Items.Single().IsOverdue);
        Assert.Equal(1, (await ListAsync(w, new ListServiceRequests(Status: ServiceRequestStatus.Accepted, EnterpriseId: w.Landed, PageSize: 200))).Items.Count(i => i.Id == first.Id));
    }

    [Fact]
    public async Task The_officers_due_list_holds_open_requests_near_their_deadline_and_closed_ones_awaiting_the_visit()
    {
        await using var w = await WorldAsync();
        var utilities = await LogAsync(w); // due in 5 days
        var hiring = await LogAsync(w, category: w.Hiring, department: w.Hrss); // due in 15 days
        var closed = await LogAsync(w);
        As(w, w.Handler, Roles.Department);
        closed = await CloseAsync(w, closed);

        async Task<Guid[]> DueAsync(Guid id)
        {
            As(w, id, Roles.Officer);
            await using var db = w.Database.NewContext();
            var rows = await new ListServiceRequestsDueHandler(db, w.Database.User, new UserDirectory(db, w.Database.Clock), w.Database.Clock).Handle(new ListServiceRequestsDue(7), CancellationToken.None);
            return [.. rows.Select(r => r.Id)];
        }

        var due = await DueAsync(w.Officer);
        Assert.Contains(utilities.Id, due);
        Assert.Contains(closed.Id, due);
        Assert.DoesNotContain(hiring.Id, due);
        Assert.Empty(await DueAsync(w.Colleague));
    }

    [Fact]
    public async Task A_manager_assigns_the_service_officer_who_must_be_staff_and_the_enterprise_panel_shows_it()
    {
        await using var w = await WorldAsync();
        await LogAsync(w);
        As(w, w.Manager, Roles.Manager);
        await using var db = w.Database.NewContext();
        var version = await db.Enterprises.Where(e => e.Id == w.Landed).Select(e => e.Version).SingleAsync();
        var users = new UserDirectory(db, w.Database.Clock);
        Assert.Equal("service.officer_not_staff", (await Assert.ThrowsAsync<DomainRuleException>(() => new AssignServiceOfficerHandler(db, users).Handle(new AssignServiceOfficer(w.Landed, version, w.Handler), CancellationToken.None).AsTask())).Code);
        await Assert.ThrowsAsync<ConflictException>(() => new AssignServiceOfficerHandler(db, users).Handle(new AssignServiceOfficer(w.Landed, version + 7, w.Colleague), CancellationToken.None).AsTask());
        var assigned = await new AssignServiceOfficerHandler(db, users).Handle(new AssignServiceOfficer(w.Landed, version, w.Colleague), CancellationToken.None);
        Assert.Equal(w.Colleague, assigned.ServiceOfficerId);

        await using var read = w.Database.NewContext();
        var panel = await new ListEnterpriseServiceRequestsHandler(read, w.Database.User, new UserDirectory(read, w.Database.Clock), w.Database.Clock).Handle(new ListEnterpriseServiceRequests(w.Landed), CancellationToken.None);
        Assert.Equal((true, (Guid?)w.Colleague, "colleague", 1), (panel.Landed, panel.ServiceOfficerId, panel.ServiceOfficerName, panel.Requests.Count));
    }
}

public sealed class SqliteServiceRequestHandlerTests() : ServiceRequestHandlerTests(DatabaseProvider.Sqlite);

public sealed class PostgresServiceRequestHandlerTests() : ServiceRequestHandlerTests(DatabaseProvider.PostgreSql);
