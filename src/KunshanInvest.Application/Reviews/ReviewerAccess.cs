using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews;

internal static class ReviewerAccess
{
    /// <summary>Reviewers are the managers, by their role, and the users an admin named (ADR 0032).</summary>
    public static async Task<bool> IsReviewerAsync(IAppDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Manager) || (user.Id is { } id && await db.NamedReviewers.AnyAsync(r => r.UserId == id, cancellationToken));
}
