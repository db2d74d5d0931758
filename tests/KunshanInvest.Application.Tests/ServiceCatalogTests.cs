using FluentValidation;
using KunshanInvest.Application.Admin.ServiceCatalog;
using KunshanInvest.Application.Admin.ServiceCatalog.AddDepartmentMember;
using KunshanInvest.Application.Admin.ServiceCatalog.CreateDepartment;
using KunshanInvest.Application.Admin.ServiceCatalog.CreateServiceCategory;
using KunshanInvest.Application.Admin.ServiceCatalog.ListDepartments;
using KunshanInvest.Application.Admin.ServiceCatalog.ListServiceCategories;
using KunshanInvest.Application.Admin.ServiceCatalog.RemoveDepartmentMember;
using KunshanInvest.Application.Admin.ServiceCatalog.UpdateDepartment;
using KunshanInvest.Application.Admin.ServiceCatalog.UpdateServiceCategory;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Tests;

/// <summary>The Admin's service request catalogues on a real SQLite database: codes, versions, who may belong to or head a department, the audit trail.</summary>
public sealed class ServiceCatalogTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _handler;
    private Guid _officer;
    private Guid _manager;
    private Guid _partner;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _database.User = TestUser.As("admin", Roles.Admin);
        _handler = await _database.AddUserAsync("dept");
        _officer = await _database.AddUserAsync("officer");
        _manager = await _database.AddUserAsync("manager");
        _partner = await _database.AddUserAsync("partner");
        await using var db = _database.NewContext();
        foreach (var (user, role) in new[] { (_handler, Roles.Department), (_officer, Roles.Officer), (_manager, Roles.Manager), (_partner, Roles.Partner) })
        {
            var appRole = new AppRole { Name = role, NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(appRole);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user, RoleId = appRole.Id });
        }

        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("Power Supply", "用电", "Power", 5, "Code")]
    [InlineData("power", "", "Power", 5, "NameZh")]
    [InlineData("power", "用电", "Power", 0, "DeadlineDays")]
    [InlineData("power", "用电", "Power", 366, "DeadlineDays")]
    public void The_category_validator_names_the_bad_field(string code, string nameZh, string nameEn, int days, string field)
    {
        var result = new CreateServiceCategoryValidator().Validate(new CreateServiceCategory(code, nameZh, nameEn, days));

        Assert.Equal([field], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public void An_overlong_code_is_refused_for_its_length_first()
    {
        var result = new CreateDepartmentValidator().Validate(new CreateDepartment(new string('A', Department.CodeMaxLength + 1), "人社局", "HR bureau"));

        Assert.Equal(["MaximumLengthValidator"], result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task A_category_is_created_once_per_code_edited_at_its_version_and_audited()
    {
        var created = await Send(db => new CreateServiceCategoryHandler(db).Handle(new CreateServiceCategory("power", "用电", "Power", 5), CancellationToken.None));

        await Assert.ThrowsAsync<ConflictException>(() => Send(db => new CreateServiceCategoryHandler(db).Handle(new CreateServiceCategory("power", "供电", "Electricity", 3), CancellationToken.None)));
        var updated = await Send(db => new UpdateServiceCategoryHandler(db).Handle(new UpdateServiceCategory(created.Id, created.Version, "用电用气", "Power and gas", 7, false), CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => Send(db => new UpdateServiceCategoryHandler(db).Handle(new UpdateServiceCategory(created.Id, created.Version, "旧", "Stale", 7, true), CancellationToken.None)));

        var list = await Send(db => new ListServiceCategoriesHandler(db).Handle(new ListServiceCategories(), CancellationToken.None));
        Assert.Equal([("power", "用电用气", 7, false)], list.Select(c => (c.Code, c.NameZh, c.DeadlineDays, c.IsActive)));
        Assert.True(updated.Version > created.Version);
        await using var check = _database.NewContext();
        Assert.Equal(["Created", "Updated"], await check.AuditEntries.Where(a => a.EntityType == nameof(ServiceCategory)).OrderBy(a => a.Id).Select(a => a.Action.ToString()).ToListAsync());
    }

    [Fact]
    public async Task Members_are_department_handlers_or_staff_once_each_and_the_trail_records_them()
    {
        var department = await Send(db => new CreateDepartmentHandler(db).Handle(new CreateDepartment("hr-bureau", "人社局", "HR bureau"), CancellationToken.None));

        var withHandler = await Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(department.Id, _handler), CancellationToken.None));
        var withOfficer = await Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(department.Id, _officer), CancellationToken.None));
        var partner = await Assert.ThrowsAsync<ValidationException>(() => Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(department.Id, _partner), CancellationToken.None)));
        await Assert.ThrowsAsync<ConflictException>(() => Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(department.Id, _handler), CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(Guid.CreateVersion7(), _handler), CancellationToken.None)));

        Assert.Equal(["dept"], withHandler.Members.Select(m => m.Name));
        Assert.Equal(["dept", "officer"], withOfficer.Members.Select(m => m.Name));
        Assert.Equal(M.DepartmentMemberRole.Code, partner.Errors.Single().ErrorCode);
        await using var check = _database.NewContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(DepartmentMember) && a.Action == Domain.Auditing.AuditAction.Created));
    }

    [Fact]
    public async Task The_head_is_a_member_or_a_manager_and_is_not_removed_while_heading()
    {
        var department = await Send(db => new CreateDepartmentHandler(db).Handle(new CreateDepartment("power-bureau", "供电所", "Power bureau"), CancellationToken.None));
        await Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(department.Id, _handler), CancellationToken.None));

        var outsider = await Assert.ThrowsAsync<ValidationException>(() => Send((db, users) => new UpdateDepartmentHandler(db, users).Handle(new UpdateDepartment(department.Id, department.Version, "供电所", "Power bureau", _officer, true), CancellationToken.None)));
        var headed = await Send((db, users) => new UpdateDepartmentHandler(db, users).Handle(new UpdateDepartment(department.Id, department.Version, "供电所", "Power bureau", _handler, true), CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => Send((db, users) => new RemoveDepartmentMemberHandler(db, users).Handle(new RemoveDepartmentMember(department.Id, _handler), CancellationToken.None)));
        var byManager = await Send((db, users) => new UpdateDepartmentHandler(db, users).Handle(new UpdateDepartment(department.Id, headed.Version, "供电所", "Power bureau", _manager, true), CancellationToken.None));
        var removed = await Send((db, users) => new RemoveDepartmentMemberHandler(db, users).Handle(new RemoveDepartmentMember(department.Id, _handler), CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => Send((db, users) => new RemoveDepartmentMemberHandler(db, users).Handle(new RemoveDepartmentMember(department.Id, _handler), CancellationToken.None)));

        Assert.Equal(M.DepartmentHead.Code, outsider.Errors.Single().ErrorCode);
        Assert.Equal((_handler, "dept"), (headed.HeadUserId!.Value, headed.HeadName));
        Assert.Equal((_manager, "manager"), (byManager.HeadUserId!.Value, byManager.HeadName));
        Assert.Empty(removed.Members);
        var all = await Send((db, users) => new ListDepartmentsHandler(db, users).Handle(new ListDepartments(), CancellationToken.None));
        Assert.Equal([("power-bureau", (Guid?)_manager, 0)], all.Select(d => (d.Code, d.HeadUserId, d.Members.Count)));
    }

    [Fact]
    public async Task Listing_departments_takes_the_same_statements_for_one_as_for_ten()
    {
        var first = await Send(db => new CreateDepartmentHandler(db).Handle(new CreateDepartment("d-0", "部门0", "Dept 0"), CancellationToken.None));
        await Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(first.Id, _handler), CancellationToken.None));
        var one = await CountAsync();
        foreach (var i in Enumerable.Range(1, 9))
        {
            var d = await Send(db => new CreateDepartmentHandler(db).Handle(new CreateDepartment($"d-{i}", $"部门{i}", $"Dept {i}"), CancellationToken.None));
            await Send((db, users) => new AddDepartmentMemberHandler(db, users).Handle(new AddDepartmentMember(d.Id, i % 2 == 0 ? _handler : _officer), CancellationToken.None));
        }

        var ten = await CountAsync();

        Assert.Equal(one, ten);
    }

    private async Task<int> CountAsync()
    {
        var counter = new StatementCounter();
        await using var db = _database.NewContext(counter);
        var list = await new ListDepartmentsHandler(db, new UserDirectory(db, _database.Clock)).Handle(new ListDepartments(), CancellationToken.None);
        Assert.NotEmpty(list);
        return counter.Queries.Count;
    }

    private async Task<T> Send<T>(Func<Infrastructure.Persistence.AppDbContext, ValueTask<T>> handle)
    {
        await using var db = _database.NewContext();
        return await handle(db);
    }

    private async Task<T> Send<T>(Func<Infrastructure.Persistence.AppDbContext, UserDirectory, ValueTask<T>> handle)
    {
        await using var db = _database.NewContext();
        return await handle(db, new UserDirectory(db, _database.Clock));
    }
}
