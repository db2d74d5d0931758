using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects.ReassignProject;

/// <summary>
/// 项目转交 (ADR 0040): a manager gives a project to another officer or manager, with a reason. The old owner's open
/// follow-ups on the project move with it; both owners are told; the 六未 escalation of the stay is settled (its
/// level-3 proposal was the question this answers). The change is recorded as a <see cref="ProjectReassignment"/>.
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Admin},{Roles.Manager}")]
public sealed record ReassignProject(Guid ProjectId, int ExpectedVersion, Guid OwnerId, string Reason) : ICommand<ProjectReassigned>;

public sealed record ProjectReassigned(Guid ProjectId, Guid OwnerId, int FollowUpsMoved, int Version);

public sealed class ReassignProjectValidator : AbstractValidator<ReassignProject>
{
    public ReassignProjectValidator()
    {
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .MaximumLength(ProjectReassignment.ReasonMaxLength).WithMsg(M.ReassignReasonLength.With(("max", ProjectReassignment.ReasonMaxLength)))
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMsg(M.ReassignReason);
        RuleFor(x => x.OwnerId).NotEmpty();
    }
}

public sealed class ReassignProjectHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ReassignProject, ProjectReassigned>
{
    public const string ReassignedKind = "project.reassigned";

    public async ValueTask<ProjectReassigned> Handle(ReassignProject command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        if (!user.IsManagerOrAdmin())
        {
            throw new ForbiddenAccessException(M.ReassignManagersOnly);
        }

        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, command.ExpectedVersion, cancellationToken);
        if (command.OwnerId == project.OwnerId)
        {
            throw FieldError.Invalid("ownerId", M.ReassignSame);
        }

        if (!await users.IsActiveInRoleAsync(command.OwnerId, [Roles.Officer, Roles.Manager], cancellationToken))
        {
            throw FieldError.Invalid("ownerId", M.ReassignOwnerNotStaff);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = project.OwnerId;
        var followUps = await db.FollowUps
            .Where(f => f.ProjectId == project.Id && f.AssigneeId == from && f.Status == FollowUpStatus.Open)
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        foreach (var followUp in followUps)
        {
            followUp.Reassign(command.OwnerId, null);
        }

        var level = project.CurrentEscalationLevel;
        project.HandOver(command.OwnerId);
        var reason = command.Reason.Trim();
        db.ProjectReassignments.Add(new ProjectReassignment(project.Id, from, command.OwnerId, me, reason, level, followUps.Count, now));

        var names = await users.DisplayNamesAsync([me], cancellationToken);
        var body = M.ReassignedBody.With(("by", names.GetValueOrDefault(me) ?? ""), ("reason", reason), ("moved", followUps.Count));
        var link = $"/projects/{project.Id}";
        notifier.Notify(command.OwnerId, ReassignedKind, M.ReassignedToYou.With(("code", project.Code), ("name", project.Name)), body, link);
        if (from != me)
        {
            notifier.Notify(from, ReassignedKind, M.ReassignedAway.With(("code", project.Code), ("name", project.Name)), body, link);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ProjectReassigned(project.Id, command.OwnerId, followUps.Count, project.Version);
    }
}
