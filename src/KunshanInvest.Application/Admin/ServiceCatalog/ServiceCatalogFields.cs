using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog;

/// <summary>A service request category as the admin page and the pickers show it.</summary>
public sealed record ServiceCategoryDto(Guid Id, string Code, string NameZh, string NameEn, int DeadlineDays, bool IsActive, int Version);

/// <summary>A department with its head and its handling users (names as displayed).</summary>
public sealed record DepartmentDto(Guid Id, string Code, string NameZh, string NameEn, Guid? HeadUserId, string? HeadName, bool IsActive, int Version, IReadOnlyList<DepartmentMemberDto> Members);

public sealed record DepartmentMemberDto(Guid UserId, string Name);

/// <summary>The catalogues' shared rules: code format, name lengths, who may belong to or head a department.</summary>
internal static class ServiceCatalogFields
{
    /// <summary>Who can be a department's member: its handlers (ADR 0031) or bureau staff lending a hand.</summary>
    public static readonly IReadOnlyCollection<string> MemberRoles = [Roles.Department, Roles.Admin, Roles.Manager, Roles.Officer];

    public static void AddCodeRule<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> code, int maxLength) =>
        validator.RuleFor(code).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(maxLength)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMsg(M.CodeFormat);

    public static void AddNameRules<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> zh, System.Linq.Expressions.Expression<Func<T, string>> en, int maxLength)
    {
        validator.RuleFor(zh).Cascade(CascadeMode.Stop).MaximumLength(maxLength).NotEmpty();
        validator.RuleFor(en).Cascade(CascadeMode.Stop).MaximumLength(maxLength).NotEmpty();
    }

    public static ServiceCategoryDto From(ServiceCategory c) => new(c.Id, c.Code, c.NameZh, c.NameEn, c.DeadlineDays, c.IsActive, c.Version);

    /// <summary>Departments with their members and names: three statements whatever the number of departments.</summary>
    public static async Task<IReadOnlyList<DepartmentDto>> DepartmentsAsync(IAppDbContext db, IUserDirectory users, Guid? only, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => only == null || d.Id == only)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.NameZh, d.NameEn, d.HeadUserId, d.IsActive, d.Version })
            .ToListAsync(cancellationToken);
        var members = await db.DepartmentMembers.AsNoTracking()
            .Where(m => only == null || m.DepartmentId == only)
            .Select(m => new { m.DepartmentId, m.UserId })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(members.Select(m => m.UserId).Concat(departments.Where(d => d.HeadUserId != null).Select(d => d.HeadUserId!.Value)).Distinct(), cancellationToken);
        var byDepartment = members.ToLookup(m => m.DepartmentId);
        return [.. departments.Select(d => new DepartmentDto(
            d.Id, d.Code, d.NameZh, d.NameEn, d.HeadUserId, d.HeadUserId is { } h ? names.GetValueOrDefault(h) : null, d.IsActive, d.Version,
            [.. byDepartment[d.Id].Select(m => new DepartmentMemberDto(m.UserId, names.GetValueOrDefault(m.UserId, "?"))).OrderBy(m => m.Name, StringComparer.Ordinal)]))];
    }

    public static async Task<DepartmentDto> DepartmentAsync(IAppDbContext db, IUserDirectory users, Guid id, CancellationToken cancellationToken) =>
        (await DepartmentsAsync(db, users, id, cancellationToken)).SingleOrDefault() ?? throw new NotFoundException(nameof(Department), id);

    /// <summary>A head is one of the department's members or a manager (who hears of every escalation anyway).</summary>
    public static async Task EnsureHeadAsync(IAppDbContext db, IUserDirectory users, Guid departmentId, Guid? head, CancellationToken cancellationToken)
    {
        if (head is not { } userId)
        {
            return;
        }

        var member = await db.DepartmentMembers.AnyAsync(m => m.DepartmentId == departmentId && m.UserId == userId, cancellationToken);
        if (!member && !await users.IsActiveInRoleAsync(userId, [Roles.Manager], cancellationToken))
        {
            throw FieldError.Invalid("headUserId", M.DepartmentHead.With());
        }
    }
}
