using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Domain.FollowUps;
using Mediator;

namespace KunshanInvest.Application.FollowUps.RescheduleFollowUp;

/// <summary>
/// Moves an open follow-up to another day (not before today in Kunshan), with an optional reason. The project's next
/// follow-up date follows, and the daily reminder fires again when the new day comes. A done or cancelled one is a 422.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RescheduleFollowUp(Guid Id, DateOnly? DueOn, string? Reason, int ExpectedVersion) : ICommand<FollowUpDto>;

public sealed class RescheduleFollowUpValidator : AbstractValidator<RescheduleFollowUp>
{
    public RescheduleFollowUpValidator(TimeProvider clock)
    {
        RuleFor(x => x.Reason).MaximumLength(FollowUp.ReasonMaxLength);
        RuleFor(x => x.DueOn).NotNull().NotBeforeBureauToday(clock);
    }
}

public sealed class RescheduleFollowUpHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : ICommandHandler<RescheduleFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(RescheduleFollowUp command, CancellationToken cancellationToken)
    {
        user.RequireId();
        var (followUp, project) = await FollowUpVersions.LoadForChangeAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        followUp.Reschedule(command.DueOn!.Value, command.Reason);
        await NextFollowUp.RefreshAsync(db, project, followUp, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return FollowUpDtos.For(followUp, project, await users.DisplayNamesAsync(FollowUpDtos.People(followUp), cancellationToken));
    }
}
