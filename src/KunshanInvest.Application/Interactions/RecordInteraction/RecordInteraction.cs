using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.FollowUps;
using KunshanInvest.Application.FollowUps.GetFollowUp;
using KunshanInvest.Application.Interactions.GetInteraction;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Interactions.RecordInteraction;

/// <summary>
/// 走访记录: a visit, call or meeting, about a project or only its enterprise (aftercare 走访 often has no open
/// project). It becomes the project's last activity and, with <see cref="FollowUpOn"/>, schedules the project
/// owner's next follow-up from <see cref="NextSteps"/> — all in one save. Any staff member may record one:
/// colleagues visit together and cover for each other.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RecordInteraction(
    Guid? ProjectId, Guid? EnterpriseId, InteractionKind? Kind, DateTimeOffset? OccurredAt, string? Summary, string? NextSteps, DateOnly? FollowUpOn)
    : ICommand<RecordedInteraction>;

/// <param name="FollowUp">The follow-up scheduled with it, if any.</param>
public sealed record RecordedInteraction(InteractionDto Interaction, FollowUpDto? FollowUp);

public sealed class RecordInteractionValidator : AbstractValidator<RecordInteraction>
{
    /// <summary>Notes typed late at night on a trip abroad may carry a date a little ahead of Kunshan's; more is a typo.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public RecordInteractionValidator(TimeProvider clock)
    {
        RuleFor(x => x.ProjectId).NotNull().When(x => x.EnterpriseId is null)
            .WithMsg(M.InteractionTarget);
        RuleFor(x => x.ProjectId).NotEqual(Guid.Empty);
        RuleFor(x => x.EnterpriseId).NotEqual(Guid.Empty);
        RuleFor(x => x.Kind).NotNull().IsInEnum()
            .WithMsg(M.InteractionKind.With(("kinds", string.Join(", ", Enum.GetNames<InteractionKind>()))));
        RuleFor(x => x.OccurredAt).NotNull()
            .Must(at => at is null || at <= clock.GetUtcNow() + FutureTolerance)
            .WithMsg(M.InteractionFuture);
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(Interaction.SummaryMaxLength);
        RuleFor(x => x.NextSteps).MaximumLength(Interaction.NextStepsMaxLength);
        When(x => x.FollowUpOn is not null, () =>
        {
            RuleFor(x => x.ProjectId).NotNull().WithMsg(M.FollowUpNeedsProject);
            RuleFor(x => x.NextSteps).NotEmpty().WithMsg(M.NextStepsRequired);
            RuleFor(x => x.FollowUpOn).NotBeforeBureauToday(clock);
        });
    }
}

public sealed class RecordInteractionHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users, Notifier notifier)
    : ICommandHandler<RecordInteraction, RecordedInteraction>
{
    public async ValueTask<RecordedInteraction> Handle(RecordInteraction command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var occurredAt = command.OccurredAt!.Value.UtcDateTime;

        InvestmentProject? project = null;
        Guid enterpriseId;
        if (command.ProjectId is { } projectId)
        {
            project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
                ?? throw new NotFoundException("Project", projectId);
            enterpriseId = project.EnterpriseId
                ?? throw M.InteractionNoEnterprise.Rule();
            if (command.EnterpriseId is { } named && named != enterpriseId)
            {
                throw FieldError.Invalid(nameof(command.EnterpriseId), M.NotProjectsEnterprise);
            }
        }
        else
        {
            enterpriseId = command.EnterpriseId!.Value;
            if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId && e.MergedIntoId == null, cancellationToken))
            {
                throw new NotFoundException("Enterprise", enterpriseId);
            }
        }

        var interaction = new Interaction(enterpriseId, project?.Id, command.Kind!.Value, occurredAt, me, command.Summary!, command.NextSteps, now);
        db.Interactions.Add(interaction);

        FollowUp? followUp = null;
        if (project is not null)
        {
            project.Touch(occurredAt);
            if (command.FollowUpOn is { } due)
            {
                followUp = new FollowUp(project.Id, project.OwnerId, due, FollowUpInput.TitleFrom(command.NextSteps!), me, now);
                db.FollowUps.Add(followUp);
                await NextFollowUp.RefreshAsync(db, project, followUp, cancellationToken);
                notifier.TellAssignee(user, project.OwnerId, followUp, project);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var followUpDto = followUp is null
            ? null
            : FollowUpDtos.For(followUp, project!, await users.DisplayNamesAsync([followUp.AssigneeId], cancellationToken));
        return new RecordedInteraction(InteractionDto.From(interaction), followUpDto);
    }
}
