using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Domain.FollowUps;
using Mediator;

namespace KunshanInvest.Application.FollowUps.EditFollowUp;

/// <summary>Rewords an open follow-up's title and notes (the assignee, the project's owner or a manager). Requires the version read.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record EditFollowUp(Guid Id, string? Title, string? Notes, int ExpectedVersion) : ICommand<FollowUpDto>;

public sealed class EditFollowUpValidator : AbstractValidator<EditFollowUp>
{
    public EditFollowUpValidator()
    {
        RuleFor(x => x.Title).MaximumLength(FollowUp.TitleMaxLength).NotEmpty().WithMsg(M.FollowUpTitle);
        RuleFor(x => x.Notes).MaximumLength(FollowUp.NoteMaxLength);
    }
}

public sealed class EditFollowUpHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : ICommandHandler<EditFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(EditFollowUp command, CancellationToken cancellationToken)
    {
        user.RequireId();
        var (followUp, project) = await FollowUpVersions.LoadForChangeAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        followUp.Edit(command.Title!, command.Notes);
        await db.SaveChangesAsync(cancellationToken);
        return FollowUpDtos.For(followUp, project, await users.DisplayNamesAsync(FollowUpDtos.People(followUp), cancellationToken));
    }
}
