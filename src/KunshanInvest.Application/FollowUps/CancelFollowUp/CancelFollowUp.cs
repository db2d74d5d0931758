using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Domain.FollowUps;
using Mediator;

namespace KunshanInvest.Application.FollowUps.CancelFollowUp;

/// <summary>
/// Closes an open follow-up that is no longer needed, with the reason (the assignee, the project's owner or a manager).
/// The project's next follow-up date moves to the next open one; a done or cancelled one is a 422.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CancelFollowUp(Guid Id, string? Reason, int ExpectedVersion) : ICommand<FollowUpDto>;

public sealed class CancelFollowUpValidator : AbstractValidator<CancelFollowUp>
{
    public CancelFollowUpValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(FollowUp.ReasonMaxLength).NotEmpty().WithMsg(M.FollowUpCancelReason);
    }
}

public sealed class CancelFollowUpHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users) : ICommandHandler<CancelFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CancelFollowUp command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var (followUp, project) = await FollowUpVersions.LoadForChangeAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        followUp.Cancel(me, command.Reason!, clock.GetUtcNow().UtcDateTime);
        await NextFollowUp.RefreshAsync(db, project, followUp, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return FollowUpDtos.For(followUp, project, await users.DisplayNamesAsync(FollowUpDtos.People(followUp), cancellationToken));
    }
}
