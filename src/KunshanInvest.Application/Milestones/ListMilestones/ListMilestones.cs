using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Milestones.ListMilestones;

/// <summary>A project's six milestones (注册 … 达产), recorded or not. Staff read every project, like the project itself. Two statements.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListMilestones(Guid ProjectId) : IQuery<ProjectMilestones>;

public sealed class ListMilestonesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMilestones, ProjectMilestones>
{
    public async ValueTask<ProjectMilestones> Handle(ListMilestones query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == query.ProjectId)
            .Select(p => new { p.Stage, p.OwnerId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project", query.ProjectId);
        var recorded = await db.Milestones.AsNoTracking().Where(m => m.ProjectId == query.ProjectId).ToListAsync(cancellationToken);
        var isManager = user.IsManagerOrAdmin();
        return new ProjectMilestones(
            query.ProjectId,
            project.Stage,
            isManager || project.OwnerId == user.Id,
            isManager,
            [.. MilestoneKinds.All.Select(kind => recorded.FirstOrDefault(m => m.Kind == kind) is { } m ? MilestoneDto.From(m) : MilestoneDto.Empty(kind))]);
    }
}
