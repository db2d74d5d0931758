using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.FollowUps;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Admin.Users;

public sealed record SectorRef(Guid Id, string Code, string NameZh, string NameEn);

/// <summary>An account with what the admin page shows beside it: the sectors worked, those led, open follow-ups.</summary>
public sealed record AdminUserDto(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    bool MustChangePassword,
    DateTime CreatedAtUtc,
    IReadOnlyList<SectorRef> Sectors,
    IReadOnlyList<SectorRef> LeadOf,
    int OpenFollowUps);

/// <summary>An open follow-up of a disabled user, to hand to someone else (Version is the If-Match of the reassign call).</summary>
public sealed record OpenFollowUpDto(Guid Id, string Title, DateOnly DueOn, Guid ProjectId, string ProjectCode, string ProjectName, int Version);

internal static class AdminUsers
{
    /// <summary>The accounts with their sectors and open follow-up counts, in a fixed number of queries.</summary>
    public static async Task<IReadOnlyList<AdminUserDto>> DtosAsync(IAppDbContext db, IReadOnlyList<UserAccount> accounts, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var worked = await db.OfficerSectors.AsNoTracking()
            .Where(o => ids.Contains(o.UserId))
            .Join(db.Sectors, o => o.SectorId, s => s.Id, (o, s) => new { o.UserId, Sector = new SectorRef(s.Id, s.Code, s.NameZh, s.NameEn) })
            .ToListAsync(cancellationToken);
        var led = await db.Sectors.AsNoTracking()
            .Where(s => s.LeadOfficerId != null && ids.Contains(s.LeadOfficerId.Value))
            .Select(s => new { UserId = s.LeadOfficerId!.Value, Sector = new SectorRef(s.Id, s.Code, s.NameZh, s.NameEn) })
            .ToListAsync(cancellationToken);
        var open = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && ids.Contains(f.AssigneeId))
            .GroupBy(f => f.AssigneeId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);

        var workedBy = worked.ToLookup(w => w.UserId, w => w.Sector);
        var ledBy = led.ToLookup(l => l.UserId, l => l.Sector);
        return [.. accounts.Select(a => new AdminUserDto(
            a.Id, a.UserName, a.DisplayName, a.Email, a.Roles, a.IsDisabled, a.MustChangePassword, a.CreatedAtUtc,
            [.. workedBy[a.Id].OrderBy(s => s.Code, StringComparer.Ordinal)],
            [.. ledBy[a.Id].OrderBy(s => s.Code, StringComparer.Ordinal)],
            open.GetValueOrDefault(a.Id)))];
    }

    public static async Task<AdminUserDto> DtoAsync(IAppDbContext db, IUserAdministration users, Guid id, CancellationToken cancellationToken) =>
        (await DtosAsync(db, [await users.GetAsync(id, cancellationToken)], cancellationToken))[0];

    /// <summary>Each role must be one of the five; at least one.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty()
            .Must(roles => roles is null || roles.All(r => Roles.All.Contains(r, StringComparer.Ordinal)))
            .WithMsg(M.RoleUnknown.With(("roles", string.Join(", ", Roles.All))));

    /// <summary>A temporary or initial password: Identity checks its strength; here only presence and the upper bound.</summary>
    public static IRuleBuilderOptions<T, string?> TemporaryPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(128);
}
