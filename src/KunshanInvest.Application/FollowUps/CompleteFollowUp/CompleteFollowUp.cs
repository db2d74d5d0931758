using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Domain.FollowUps;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.FollowUps.CompleteFollowUp;

/// <summary>The assignee (or a manager) marks a follow-up done; the project's next follow-up date moves to the next open one.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CompleteFollowUp(Guid Id, string? Note, int ExpectedVersion) : ICommand<FollowUpDto>;

public sealed class CompleteFollowUpValidator : AbstractValidator<CompleteFollowUp>
{
    public CompleteFollowUpValidator()
    {
        RuleFor(x => x.Note).MaximumLength(FollowUp.NoteMaxLength);
    }
}

public sealed class CompleteFollowUpHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users)
    : ICommandHandler<CompleteFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CompleteFollowUp command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Follow-up", command.Id);
        if (!FollowUpAccess.MayComplete(user, followUp))
        {
            throw new ForbiddenAccessException(M.OnlyAssigneeCompletes);
        }

        FollowUpVersions.Expect(db, followUp, command.ExpectedVersion);
        followUp.Complete(me, command.Note, clock.GetUtcNow().UtcDateTime);
        var project = await db.Projects.SingleAsync(p => p.Id == followUp.ProjectId, cancellationToken);
        await NextFollowUp.RefreshAsync(db, project, followUp, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return FollowUpDtos.For(followUp, project, await users.DisplayNamesAsync(FollowUpDtos.People(followUp), cancellationToken));
    }
}
