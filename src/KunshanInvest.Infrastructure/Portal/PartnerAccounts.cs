using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal.Partners;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Portal;

/// <summary>Partner accounts and their membership, saved in one transaction (UserManager saves more than once).</summary>
internal sealed class PartnerAccounts(UserManager<AppUser> users, AppDbContext db) : IPartnerAccounts
{
    public async Task<Guid> RegisterAsync(Partner partner, PartnerAccount founder, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Partners.Add(partner);
        var userId = await CreateUserAsync(founder, mustChangePassword: false, nowUtc);
        db.PartnerMembers.Add(new PartnerMember(partner.Id, userId, isFounder: true, nowUtc));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return userId;
    }

    public async Task<Guid> AddColleagueAsync(Guid partnerId, PartnerAccount colleague, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var userId = await CreateUserAsync(colleague, mustChangePassword: true, nowUtc);
        db.PartnerMembers.Add(new PartnerMember(partnerId, userId, isFounder: false, nowUtc));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return userId;
    }

    public async Task<IReadOnlyList<ColleagueDto>> MembersAsync(Guid partnerId, CancellationToken cancellationToken) =>
        await db.PartnerMembers.AsNoTracking()
            .Where(m => m.PartnerId == partnerId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderByDescending(x => x.m.IsFounder).ThenBy(x => x.m.JoinedAtUtc)
            .Select(x => new ColleagueDto(x.u.Id, x.u.UserName ?? "", x.u.DisplayName, x.m.IsFounder, x.m.JoinedAtUtc))
            .ToListAsync(cancellationToken);

    private async Task<Guid> CreateUserAsync(PartnerAccount account, bool mustChangePassword, DateTime nowUtc)
    {
        var user = new AppUser
        {
            UserName = account.UserName,
            Email = account.Email,
            DisplayName = account.DisplayName,
            MustChangePassword = mustChangePassword,
            CreatedAtUtc = nowUtc,
        };
        UserAdministration.Check(await users.CreateAsync(user, account.Password));
        UserAdministration.Check(await users.AddToRoleAsync(user, Roles.Partner));
        return user.Id;
    }
}
