using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects.GetProjectFlags;

/// <summary>
/// A project's flags and its reassignment state: the stale flag (停滞 since the sweep flagged it), the 六未 escalation
/// level of the current stay, the open reassignment proposal at level 3 with the officer it suggests, the officers a
/// manager may give it to, the old owner's open follow-ups that would move, and the reassignments so far.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetProjectFlags(Guid ProjectId) : IQuery<ProjectFlags>;

public sealed record ProjectFlags(
    Guid ProjectId,
    Guid OwnerId,
    DateTime? StaleSinceUtc,
    int EscalationLevel,
    DateTime? EscalatedAtUtc,
    ReassignmentProposal? Proposal,
    bool MayReassign,
    int OwnersOpenFollowUps,
    IReadOnlyList<OwnerCandidate> Candidates,
    IReadOnlyList<ReassignmentDto> Reassignments,
    int Version);

/// <summary>
/// The 六未 escalation's level-3 proposal: the managers were asked on <see cref="SinceUtc"/> to give the project to
/// someone else. <see cref="SuggestedOwnerId"/>: the active officer with the fewest live projects (null when none other).
/// </summary>
public sealed record ReassignmentProposal(int Level, DateTime SinceUtc, Guid? SuggestedOwnerId, string? SuggestedOwnerName);

/// <summary>An officer or manager the project could go to, with the live projects they already own.</summary>
public sealed record OwnerCandidate(Guid Id, string Name, int LiveProjects, bool IsManager);

public sealed record ReassignmentDto(Guid Id, DateTime AtUtc, Guid FromOwnerId, string? FromName, Guid ToOwnerId, string? ToName, Guid ByUserId, string? ByName, string Reason, int EscalationLevel, int FollowUpsMoved);

public sealed class GetProjectFlagsHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : IQueryHandler<GetProjectFlags, ProjectFlags>
{
    public async ValueTask<ProjectFlags> Handle(GetProjectFlags query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == query.ProjectId)
            .Select(p => new
            {
                p.Id, p.OwnerId, p.StaleFlaggedAtUtc, p.LastActivityAtUtc, p.EscalationLevel, p.EscalatedAtUtc,
                p.EscalatedStageEnteredAtUtc, p.StageEnteredAtUtc, p.Version,
                OpenFollowUps = db.FollowUps.Count(f => f.ProjectId == p.Id && f.AssigneeId == p.OwnerId && f.Status == FollowUpStatus.Open),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project", query.ProjectId);

        var history = await db.ProjectReassignments.AsNoTracking()
            .Where(r => r.ProjectId == project.Id)
            .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);

        var mayReassign = user.IsManagerOrAdmin();
        var candidates = mayReassign ? await CandidatesAsync(project.OwnerId, cancellationToken) : [];
        var names = await users.DisplayNamesAsync(history.SelectMany(r => new[] { r.FromOwnerId, r.ToOwnerId, r.ByUserId }), cancellationToken);

        var current = project.EscalatedStageEnteredAtUtc == project.StageEnteredAtUtc;
        var level = current ? project.EscalationLevel : 0;
        var suggested = candidates.Where(c => !c.IsManager).OrderBy(c => c.LiveProjects).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        var proposal = level >= 3 && project.EscalatedAtUtc is { } since ? new ReassignmentProposal(level, since, suggested?.Id, suggested?.Name) : null;
        var staleSince = project.StaleFlaggedAtUtc is { } flagged && flagged >= project.LastActivityAtUtc ? flagged : (DateTime?)null;

        return new ProjectFlags(
            project.Id, project.OwnerId, staleSince, level, current ? project.EscalatedAtUtc : null, proposal, mayReassign, project.OpenFollowUps,
            candidates,
            [.. history.Select(r => new ReassignmentDto(r.Id, r.AtUtc, r.FromOwnerId, names.GetValueOrDefault(r.FromOwnerId), r.ToOwnerId, names.GetValueOrDefault(r.ToOwnerId),
                r.ByUserId, names.GetValueOrDefault(r.ByUserId), r.Reason, r.EscalationLevel, r.FollowUpsMoved))],
            project.Version);
    }

    /// <summary>Active officers and managers other than the owner, with their live projects counted in one GROUP BY.</summary>
    private async Task<IReadOnlyList<OwnerCandidate>> CandidatesAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var officers = await users.ActiveUsersInRoleAsync(Roles.Officer, cancellationToken);
        var managers = await users.ActiveUsersInRoleAsync(Roles.Manager, cancellationToken);
        var ids = officers.Concat(managers).Where(id => id != ownerId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var load = await db.Projects.AsNoTracking()
            .Where(p => ids.Contains(p.OwnerId) && p.Stage != ProjectStage.Lost && p.Stage != ProjectStage.AtCapacity)
            .GroupBy(p => p.OwnerId)
            .Select(g => new { OwnerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OwnerId, g => g.Count, cancellationToken);
        var names = await users.DisplayNamesAsync(ids, cancellationToken);
        return [.. ids.Select(id => new OwnerCandidate(id, names.GetValueOrDefault(id) ?? id.ToString(), load.GetValueOrDefault(id), !officers.Contains(id)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)];
    }
}
