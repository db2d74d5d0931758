using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Domain.FollowUps;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.FollowUps.CreateFollowUp;

/// <summary>
/// 跟进任务: something to do for a project by a date, for the caller unless <see cref="AssigneeId"/> names a colleague
/// (see <see cref="FollowUpAccess.MayAssign"/>). The project's next follow-up date moves with it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CreateFollowUp(Guid ProjectId, Guid? AssigneeId, DateOnly? DueOn, string? Title) : ICommand<FollowUpDto>;

public sealed class CreateFollowUpValidator : AbstractValidator<CreateFollowUp>
{
    public CreateFollowUpValidator(TimeProvider clock)
    {
        RuleFor(x => x.ProjectId).NotEmpty();
        RuleFor(x => x.AssigneeId).NotEqual(Guid.Empty);
        RuleFor(x => x.DueOn).NotNull().NotBeforeBureauToday(clock);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(FollowUp.TitleMaxLength);
    }
}

public sealed class CreateFollowUpHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users, Notifier notifier)
    : ICommandHandler<CreateFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CreateFollowUp command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken)
            ?? throw new NotFoundException("Project", command.ProjectId);
        var assigneeId = command.AssigneeId ?? me;
        if (!FollowUpAccess.MayAssign(user, assigneeId, project))
        {
            throw new ForbiddenAccessException(M.AssignSelfOrOwner);
        }

        if (assigneeId != me && !await users.IsStaffAsync(assigneeId, cancellationToken))
        {
            throw new NotFoundException("Staff user", assigneeId);
        }

        var followUp = new FollowUp(project.Id, assigneeId, command.DueOn!.Value, command.Title!, me, clock.GetUtcNow().UtcDateTime);
        db.FollowUps.Add(followUp);
        await NextFollowUp.RefreshAsync(db, project, followUp, cancellationToken);
        notifier.TellAssignee(user, assigneeId, followUp, project);
        await db.SaveChangesAsync(cancellationToken);

        return FollowUpDtos.For(followUp, project, await users.DisplayNamesAsync([assigneeId], cancellationToken));
    }
}
