using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Interactions.GetProjectTimeline;

/// <summary>
/// A project's story, newest first: its interactions and stage changes merged, each with who did it. A fixed
/// number of queries whatever its length: the newest <see cref="Take"/> of each kind, merged here.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetProjectTimeline(Guid ProjectId, int Take = GetProjectTimeline.DefaultTake) : IQuery<ProjectTimeline>
{
    public const int DefaultTake = 100;
    public const int MaxTake = 500;
}

/// <param name="HasMore">Older entries exist beyond <see cref="GetProjectTimeline.Take"/>.</param>
public sealed record ProjectTimeline(Guid ProjectId, string Code, string Name, ProjectStage Stage, int Version, IReadOnlyList<TimelineEntry> Entries, bool HasMore);

public enum TimelineEntryType
{
    Interaction = 0,
    StageChange = 1,
}

/// <summary>One line of the timeline; the fields of the other type are null.</summary>
public sealed record TimelineEntry(
    TimelineEntryType Type, Guid Id, DateTime AtUtc, Guid? ActorId, string? ActorName,
    InteractionKind? Kind, string? Summary, string? NextSteps,
    ProjectStage? FromStage, ProjectStage? ToStage, string? Note, bool IsJump, bool IsBackward);

public sealed class GetProjectTimelineHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<GetProjectTimeline, ProjectTimeline>
{
    public async ValueTask<ProjectTimeline> Handle(GetProjectTimeline query, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(query.Take, 1, GetProjectTimeline.MaxTake);
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == query.ProjectId)
            .Select(p => new { p.Id, p.Code, p.Name, p.Stage, p.Version })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Project", query.ProjectId);

        // One more than asked of each kind tells whether anything older is left out.
        var interactions = await db.Interactions.AsNoTracking()
            .Where(i => i.ProjectId == project.Id)
            .OrderByDescending(i => i.OccurredAtUtc).ThenByDescending(i => i.Id)
            .Take(take + 1)
            .Select(i => new TimelineEntry(TimelineEntryType.Interaction, i.Id, i.OccurredAtUtc, i.ByUserId, null, i.Kind, i.Summary, i.NextSteps, null, null, null, false, false))
            .ToListAsync(cancellationToken);

        var stageChanges = await db.StageChanges.AsNoTracking()
            .Where(c => c.ProjectId == project.Id)
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .Take(take + 1)
            .Select(c => new TimelineEntry(TimelineEntryType.StageChange, c.Id, c.AtUtc, c.ByUserId, null, null, null, null, c.From, c.To, c.Note, c.IsJump, c.IsBackward))
            .ToListAsync(cancellationToken);

        // Newest first. Entries share an instant only in seeded or imported history: then a stage change reads after
        // the visit that led to it, and of several stage changes the project's first is the oldest and later stages
        // (side states last) the newer — which is the order such histories are written in.
        var merged = interactions.Concat(stageChanges)
            .OrderByDescending(e => e.AtUtc)
            .ThenByDescending(e => e.Type)
            .ThenByDescending(e => e.FromStage is null ? -1 : (int?)e.ToStage ?? -1)
            .ToList();
        var entries = merged.Take(take).ToList();
        var names = await users.DisplayNamesAsync(entries.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value), cancellationToken);

        return new ProjectTimeline(
            project.Id, project.Code, project.Name, project.Stage, project.Version,
            [.. entries.Select(e => e with { ActorName = e.ActorId is { } id ? names.GetValueOrDefault(id) : null })],
            merged.Count > take);
    }
}
