using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Identity;

internal sealed class UserDirectory(AppDbContext db, TimeProvider clock) : IUserDirectory
{
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Manager, Roles.Officer];

    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "?" : u.DisplayName);
    }

    /// <summary>Bureau work goes only to staff who can sign in: a locked-out account counts as absent.</summary>
    public Task<bool> IsStaffAsync(Guid userId, CancellationToken cancellationToken) => IsActiveInRoleAsync(userId, StaffRoles, cancellationToken);

    public async Task<bool> IsActiveInRoleAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        // Identity compares role names in their normalised (upper-case) form.
        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && normalized.Contains(r.NormalizedName!))))
            .Select(u => new { u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);

        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare in SQL: the one value is compared here.
        return user is not null && (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow());
    }

    public async Task<IReadOnlyDictionary<Guid, Mailbox>> MailboxesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, Mailbox>();
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id) && u.Email != null && u.Email != "")
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UserName, u.Language })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => new Mailbox(u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "" : u.DisplayName, u.Language));
    }

    public async Task<IReadOnlyDictionary<string, Guid>> StaffByUserNameAsync(IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        var asked = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        var wanted = asked.Select(n => n.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }

        var staff = StaffRoles.Select(r => r.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.NormalizedUserName!) && !u.IsDisabled
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staff.Contains(r.NormalizedName!))))
            .Select(u => new { u.Id, u.NormalizedUserName })
            .ToListAsync(cancellationToken);
        var byName = users.ToDictionary(u => u.NormalizedUserName!, u => u.Id, StringComparer.Ordinal);
        return asked
            .Where(n => byName.ContainsKey(n.Trim().ToUpperInvariant()))
            .ToDictionary(n => n, n => byName[n.Trim().ToUpperInvariant()], StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> LanguagesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id) && u.Language != null)
            .Select(u => new { u.Id, u.Language })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => u.Language!);
    }

    public async Task<IReadOnlyList<Guid>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        var normalized = role.ToUpperInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }
}
