using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects.UpdateProject;

/// <summary>Edits a project's description: the whole editable set, with the version last read (If-Match).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UpdateProject(
    Guid Id,
    int ExpectedVersion,
    string Name,
    Guid? EnterpriseId,
    Guid? SectorId,
    Guid? ParkId,
    SourceChannel Source,
    MoneyDto? EstimatedInvestment,
    bool IsMajor,
    string? BlockingIssues,
    Guid? EventId,
    Guid? ExpansionOfProjectId,
    Guid OwnerId) : ICommand<int>;

public sealed class UpdateProjectValidator : AbstractValidator<UpdateProject>
{
    public UpdateProjectValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(InvestmentProject.NameMaxLength);
        RuleFor(x => x.Source).IsInEnum();
        RuleFor(x => x.BlockingIssues).MaximumLength(InvestmentProject.TextMaxLength);
        RuleFor(x => x.EstimatedInvestment!).SetValidator(new MoneyValidator()).When(x => x.EstimatedInvestment is not null);
        RuleFor(x => x.OwnerId).NotEmpty();
    }
}

public sealed class UpdateProjectHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : ICommandHandler<UpdateProject, int>
{
    public async ValueTask<int> Handle(UpdateProject command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        await CheckReferencesAsync(command, cancellationToken);
        if (command.OwnerId != project.OwnerId)
        {
            if (!user.IsManagerOrAdmin())
            {
                throw new ForbiddenAccessException("只有领导可以调整项目负责人 / Only a manager may reassign a project.");
            }

            if (!await users.IsActiveInRoleAsync(command.OwnerId, [Roles.Officer, Roles.Manager], cancellationToken))
            {
                throw FieldError.Invalid("ownerId", "负责人须为在岗的招商专员或领导 / The owner must be an active officer or manager.");
            }

            project.AssignOwner(command.OwnerId);
        }

        project.Rename(command.Name.Trim());
        project.Place(command.EnterpriseId, command.SectorId, command.ParkId);
        project.ChangeSource(command.Source);
        project.Estimate(command.EstimatedInvestment?.ToMoney(), command.IsMajor);
        project.Block(command.BlockingIssues);
        project.LinkEvent(command.EventId);
        project.MarkExpansionOf(command.ExpansionOfProjectId);

        // A signed project keeps its gate's evidence: the 签约 gate must still hold after the edit.
        if (project.Stage.IsPipeline() && StageGates.Check(project, project.Stage) is { Count: > 0 } missing)
        {
            throw new StageGateException(project.Stage, missing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return project.Version;
    }

    private async Task CheckReferencesAsync(UpdateProject command, CancellationToken cancellationToken)
    {
        if (command.EnterpriseId is { } enterprise && !await db.Enterprises.AnyAsync(e => e.Id == enterprise && e.MergedIntoId == null, cancellationToken))
        {
            throw FieldError.Invalid("enterpriseId", "企业不存在 / No such enterprise.");
        }

        if (command.SectorId is { } sector && !await db.Sectors.AnyAsync(s => s.Id == sector, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", "产业链不存在 / No such sector.");
        }

        if (command.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park, cancellationToken))
        {
            throw FieldError.Invalid("parkId", "载体不存在 / No such park.");
        }

        if (command.EventId is { } promotion && !await db.Events.AnyAsync(e => e.Id == promotion, cancellationToken))
        {
            throw FieldError.Invalid("eventId", "活动不存在 / No such event.");
        }

        if (command.ExpansionOfProjectId is { } earlier
            && !await db.Projects.AnyAsync(p => p.Id == earlier && p.Id != command.Id && p.EnterpriseId == command.EnterpriseId, cancellationToken))
        {
            throw FieldError.Invalid("expansionOfProjectId", "增资扩产须关联同一企业的已有项目 / An expansion must link an earlier project of the same enterprise.");
        }
    }
}
