using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal;

/// <summary>The caller's organisation as the database has it now.</summary>
public sealed record PartnerMembership(Guid PartnerId, PartnerStatus Status, bool IsFounder);

/// <summary>
/// Every partner-facing handler starts here and then scopes its query by the returned organisation
/// (WHERE PartnerId = …), so another organisation's id is simply not found (404).
/// </summary>
public static class PartnerAccess
{
    public static async Task<PartnerMembership?> FindAsync(IAppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.PartnerMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Partners, m => m.PartnerId, p => p.Id, (m, p) => new PartnerMembership(p.Id, p.Status, m.IsFounder))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The caller's approved organisation; a pending or suspended one, or none, is 403.</summary>
    public static async Task<PartnerMembership> RequireApprovedAsync(IAppDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var membership = await FindAsync(db, user.RequireId(), cancellationToken)
            ?? throw new ForbiddenAccessException("该账户不属于任何合作机构 / This account belongs to no partner organisation.");
        return membership.Status switch
        {
            PartnerStatus.Approved => membership,
            PartnerStatus.Pending => throw new ForbiddenAccessException("机构尚待审核,审核通过后即可报送 / Your organisation awaits approval; you can submit once it is approved."),
            _ => throw new ForbiddenAccessException("机构已被暂停 / Your organisation is suspended."),
        };
    }
}
