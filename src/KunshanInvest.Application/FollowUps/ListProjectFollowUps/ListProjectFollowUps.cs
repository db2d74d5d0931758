using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Domain.FollowUps;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.FollowUps.ListProjectFollowUps;

/// <summary>A project's follow-ups, open ones first, then the closed ones, each by due date.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListProjectFollowUps(Guid ProjectId) : IQuery<IReadOnlyList<FollowUpDto>>
{
    public const int Limit = 500;
}

public sealed class ListProjectFollowUpsHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<ListProjectFollowUps, IReadOnlyList<FollowUpDto>>
{
    public async ValueTask<IReadOnlyList<FollowUpDto>> Handle(ListProjectFollowUps query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == query.ProjectId)
            .Select(p => new { p.Code, p.Name })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Project", query.ProjectId);

        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.ProjectId == query.ProjectId)
            .OrderBy(f => f.Status == FollowUpStatus.Open ? 0 : 1)
            .ThenBy(f => f.DueOn)
            .ThenBy(f => f.Id)
            .Take(ListProjectFollowUps.Limit)
            .ToListAsync(cancellationToken);

        var names = await users.DisplayNamesAsync(followUps.SelectMany(FollowUpDtos.People), cancellationToken);
        return [.. followUps.Select(f => FollowUpDtos.From(f, project.Code, project.Name, names))];
    }
}
