using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Projects.MoveStage;

/// <summary>
/// Moves a project to another stage. Gates answer 422 naming the missing evidence; moving back needs a manager and a
/// reason (403 otherwise); 搁置/流失 need a reason.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record MoveStage(Guid ProjectId, ProjectStage Target, string? Note, int ExpectedVersion) : ICommand<StageMoved>;

public sealed record StageMoved(ProjectStage From, ProjectStage To, bool IsJump, bool IsBackward, int Version);

public sealed class MoveStageValidator : AbstractValidator<MoveStage>
{
    public MoveStageValidator()
    {
        RuleFor(x => x.Target).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(StageChange.NoteMaxLength);
    }
}

public sealed class MoveStageHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AboveScaleOptions> aboveScale, IOptions<Reviews.ProjectReviewOptions> review) : ICommandHandler<MoveStage, StageMoved>
{
    public async ValueTask<StageMoved> Handle(MoveStage command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, command.ExpectedVersion, cancellationToken);
        var from = project.Stage;
        var facts = await StageFactsLoader.LoadAsync(db, project, aboveScale.Value, cancellationToken);
        facts = await StageFactsLoader.WithReviewAsync(db, project, command.Target, facts, review.Value, cancellationToken);
        var change = project.MoveTo(command.Target, new StageActor(user.RequireId(), user.IsManagerOrAdmin()), command.Note, clock.GetUtcNow().UtcDateTime, facts);
        await db.SaveChangesAsync(cancellationToken);
        return new StageMoved(from, change.To, change.IsJump, change.IsBackward, project.Version);
    }
}
