using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

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

public sealed class UpdateProjectHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, IOptions<AboveScaleOptions> aboveScale) : ICommandHandler<UpdateProject, int>
{
    public async ValueTask<int> Handle(UpdateProject command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        var facts = project.Stage.IsPipeline() ? await StageFactsLoader.LoadAsync(db, project, aboveScale.Value, cancellationToken) : StageFacts.None;
        var (gaps, enterpriseBefore) = (StageGuard.Gaps(project, facts), project.EnterpriseId);
        await CheckReferencesAsync(command, cancellationToken);
        if (command.OwnerId != project.OwnerId)
        {
            if (!user.IsManagerOrAdmin())
            {
                throw new ForbiddenAccessException(M.OnlyManagerReassigns);
            }

            if (!await users.IsActiveInRoleAsync(command.OwnerId, [Roles.Officer, Roles.Manager], cancellationToken))
            {
                throw FieldError.Invalid("ownerId", M.OwnerMustBeStaff);
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

        // A signed project keeps its gate's evidence: the 签约 gate must still hold after the edit (and 上规's threshold
        // follows the enterprise's statistics type).
        if (project.Stage.IsPipeline() && project.EnterpriseId != enterpriseBefore)
        {
            facts = await StageFactsLoader.WithSumsAsync(db, project, facts.Milestones, aboveScale.Value, cancellationToken);
        }

        StageGuard.RefuseNewGaps(project, facts, gaps);

        await db.SaveChangesAsync(cancellationToken);
        return project.Version;
    }

    private async Task CheckReferencesAsync(UpdateProject command, CancellationToken cancellationToken)
    {
        if (command.EnterpriseId is { } enterprise && !await db.Enterprises.AnyAsync(e => e.Id == enterprise && e.MergedIntoId == null, cancellationToken))
        {
            throw FieldError.Invalid("enterpriseId", M.NoSuchEnterprise);
        }

        if (command.SectorId is { } sector && !await db.Sectors.AnyAsync(s => s.Id == sector, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", M.NoSuchSector);
        }

        if (command.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park, cancellationToken))
        {
            throw FieldError.Invalid("parkId", M.NoSuchPark);
        }

        if (command.EventId is { } promotion && !await db.Events.AnyAsync(e => e.Id == promotion, cancellationToken))
        {
            throw FieldError.Invalid("eventId", M.NoSuchEvent);
        }

        if (command.ExpansionOfProjectId is { } earlier
            && !await db.Projects.AnyAsync(p => p.Id == earlier && p.Id != command.Id && p.EnterpriseId == command.EnterpriseId, cancellationToken))
        {
            throw FieldError.Invalid("expansionOfProjectId", M.ExpansionSameEnterprise);
        }
    }
}
