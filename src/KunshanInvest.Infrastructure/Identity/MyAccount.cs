using KunshanInvest.Application.Channels;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Identity;

/// <summary>The settings page's facts from the user's account row: chosen language and whether two-step verification is on.</summary>
internal sealed class MyAccount(AppDbContext db) : IMyAccount
{
    public async Task<MyAccountFacts> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new MyAccountFacts(u.Language, u.TwoFactorEnabled)).SingleOrDefaultAsync(cancellationToken)
        ?? new MyAccountFacts(null, false);
}
