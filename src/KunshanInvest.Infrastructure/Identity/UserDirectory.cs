using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Identity;

internal sealed class UserDirectory(AppDbContext db, TimeProvider clock) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.UserName! })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

    public async Task<bool> IsActiveInRoleAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == id && (u.LockoutEnd == null || u.LockoutEnd < now))
            .AnyAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && normalized.Contains(r.NormalizedName!))), cancellationToken);
    }
}
