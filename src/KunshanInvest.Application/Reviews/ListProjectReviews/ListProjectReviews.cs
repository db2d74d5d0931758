using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Reviews.ListProjectReviews;

/// <summary>
/// A project's review rounds, newest first, with their opinions and decisions, whether the project is major and needs a
/// passed review to sign, and what the reader may do. Four statements whatever the rounds: the project, whether the
/// reader is a named reviewer (none for a manager), the rounds with their opinions, and the names.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListProjectReviews(Guid ProjectId) : IQuery<ProjectReviews>;

public sealed class ListProjectReviewsHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, IOptions<ProjectReviewOptions> options)
    : IQueryHandler<ListProjectReviews, ProjectReviews>
{
    public async ValueTask<ProjectReviews> Handle(ListProjectReviews query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProjectId, cancellationToken)
            ?? throw new NotFoundException("Project", query.ProjectId);
        var reviewer = await ReviewerAccess.IsReviewerAsync(db, user, cancellationToken);
        var rounds = await ReviewReads.RoundsAsync(db, users, db.ProjectReviews.Where(r => r.ProjectId == project.Id), cancellationToken);
        var passed = rounds.Any(r => r.Status == ReviewStatus.Decided && r.Outcome is { } o && o.IsPass());
        var gate = new ReviewGate(options.Value.RequireForMajor, options.Value.MajorFromFen, passed);
        var mayEdit = project.OwnerId == user.Id || user.IsManagerOrAdmin();
        return new ProjectReviews(
            rounds, gate.IsMajor(project), gate.RequireForMajor && gate.IsMajor(project), passed,
            mayEdit && project.Stage == ProjectStage.Negotiating && !passed,
            reviewer, user.IsInRole(Roles.Manager));
    }
}
