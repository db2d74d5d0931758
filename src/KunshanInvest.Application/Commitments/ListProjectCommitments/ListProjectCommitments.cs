using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Commitments.ListProjectCommitments;

/// <summary>
/// A project's commitments by check date, each met / due / missed today with its actual value. Two statements whatever
/// the number of commitments: the project's existence and the commitments with their sums, milestones and land.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListProjectCommitments(Guid ProjectId) : IQuery<IReadOnlyList<CommitmentDto>>;

public sealed class ListProjectCommitmentsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListProjectCommitments, IReadOnlyList<CommitmentDto>>
{
    public async ValueTask<IReadOnlyList<CommitmentDto>> Handle(ListProjectCommitments query, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == query.ProjectId, cancellationToken))
        {
            throw new NotFoundException("Project", query.ProjectId);
        }

        var today = clock.BureauToday();
        var facts = await CommitmentQuery.Facts(db, db.Commitments.AsNoTracking().Where(c => c.ProjectId == query.ProjectId))
            .OrderBy(f => f.CheckOn).ThenBy(f => f.Metric).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return [.. facts.Select(f => f.ToDto(today))];
    }
}
