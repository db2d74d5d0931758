using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

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
            ?? throw new ForbiddenAccessException(M.PartnerNoOrganisation);
        return membership.Status switch
        {
            PartnerStatus.Approved => membership,
            PartnerStatus.Pending => throw new ForbiddenAccessException(M.PartnerPending),
            _ => throw new ForbiddenAccessException(M.PartnerSuspended),
        };
    }
}
