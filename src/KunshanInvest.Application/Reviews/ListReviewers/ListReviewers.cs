using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews.ListReviewers;

/// <summary>The users an admin named reviewers (the managers review by their role and are not listed). Two statements.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListReviewers : IQuery<IReadOnlyList<ReviewerDto>>;

public sealed class ListReviewersHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<ListReviewers, IReadOnlyList<ReviewerDto>>
{
    public async ValueTask<IReadOnlyList<ReviewerDto>> Handle(ListReviewers query, CancellationToken cancellationToken)
    {
        var rows = await db.NamedReviewers.AsNoTracking().OrderBy(r => r.NamedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var names = rows.Count == 0 ? new Dictionary<Guid, string>() : await users.DisplayNamesAsync(rows.Select(r => r.UserId), cancellationToken);
        return [.. rows.Select(r => new ReviewerDto(r.Id, r.UserId, names.GetValueOrDefault(r.UserId), r.Note, r.NamedAtUtc))];
    }
}
