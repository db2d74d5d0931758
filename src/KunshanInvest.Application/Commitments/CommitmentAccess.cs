using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Commitments;

internal static class CommitmentAccess
{
    /// <summary>
    /// Loads a commitment for a change by its project's owner or a manager (another officer: 403), then declares the
    /// version the caller read, so a stale change is a 409 — after the ownership rule, as the project's edits do.
    /// </summary>
    public static async Task<AgreementCommitment> LoadForEditAsync(IAppDbContext db, ICurrentUser user, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var found = await db.Commitments
            .Where(c => c.Id == id)
            .Select(c => new { Commitment = c, OwnerId = db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.OwnerId).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Commitment", id);
        if (found.OwnerId != user.RequireId() && !user.IsManagerOrAdmin())
        {
            throw new ForbiddenAccessException(M.OnlyOwnerOrManager);
        }

        db.ExpectVersion(found.Commitment, expectedVersion);
        return found.Commitment;
    }
}
