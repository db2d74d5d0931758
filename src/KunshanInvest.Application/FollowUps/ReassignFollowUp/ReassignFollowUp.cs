using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.FollowUps.ReassignFollowUp;

/// <summary>
/// Hands an open follow-up to another staff member, optionally with a new due date. The assignee may hand it on,
/// the project's owner and managers may redirect it; the new assignee is notified.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ReassignFollowUp(Guid Id, Guid? AssigneeId, DateOnly? DueOn, int ExpectedVersion) : ICommand<FollowUpDto>;

public sealed class ReassignFollowUpValidator : AbstractValidator<ReassignFollowUp>
{
    public ReassignFollowUpValidator(TimeProvider clock)
    {
        RuleFor(x => x.AssigneeId).NotNull().NotEqual(Guid.Empty);
        RuleFor(x => x.DueOn).NotBeforeBureauToday(clock);
    }
}

public sealed class ReassignFollowUpHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, Notifier notifier)
    : ICommandHandler<ReassignFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(ReassignFollowUp command, CancellationToken cancellationToken)
    {
        user.RequireId();
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Follow-up", command.Id);
        var project = await db.Projects.SingleAsync(p => p.Id == followUp.ProjectId, cancellationToken);
        if (!FollowUpAccess.MayReassign(user, followUp, project))
        {
            throw new ForbiddenAccessException(M.OnlyAssigneeReassigns);
        }

        var assigneeId = command.AssigneeId!.Value;
        if (!await users.IsStaffAsync(assigneeId, cancellationToken))
        {
            throw new NotFoundException("Staff user", assigneeId);
        }

        FollowUpVersions.Expect(db, followUp, command.ExpectedVersion);
        var previous = followUp.AssigneeId;
        followUp.Reassign(assigneeId, command.DueOn);
        await NextFollowUp.RefreshAsync(db, project, followUp, cancellationToken);
        if (assigneeId != previous)
        {
            notifier.TellAssignee(user, assigneeId, followUp, project);
        }

        await db.SaveChangesAsync(cancellationToken);
        return FollowUpDtos.For(followUp, project, await users.DisplayNamesAsync([assigneeId], cancellationToken));
    }
}
