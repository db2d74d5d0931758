using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Commitments;

internal static class CommitmentReads
{
    /// <summary>One commitment as it stands on <paramref name="today"/>, in one statement.</summary>
    public static async Task<CommitmentDto> OneAsync(IAppDbContext db, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        var facts = await CommitmentQuery.Facts(db, db.Commitments.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Commitment", id);
        return facts.ToDto(today);
    }
}
