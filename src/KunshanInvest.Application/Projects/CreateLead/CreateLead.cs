using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects.CreateLead;

/// <summary>
/// 新线索: a lead in one short form — an enterprise picked (<see cref="EnterpriseId"/>) or typed
/// (<see cref="NewEnterprise"/>, checked for duplicates), a sector, a source and a rough investment. The caller owns
/// it; a manager may hand it to an officer.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CreateLead(
    Guid? EnterpriseId,
    NewEnterprise? NewEnterprise,
    Guid? SectorId,
    SourceChannel Source,
    string? Name = null,
    MoneyDto? EstimatedInvestment = null,
    Guid? ParkId = null,
    bool IsMajor = false,
    Guid? OwnerId = null,
    Guid? ExpansionOfProjectId = null,
    bool ConfirmNotDuplicate = false) : ICommand<LeadCreated>;

/// <summary>The new lead, and the other officers' live projects with the same enterprise (each was notified).</summary>
public sealed record LeadCreated(Guid Id, string Code, Guid EnterpriseId, int Version, IReadOnlyList<OwnershipConflict> Conflicts);

public sealed record OwnershipConflict(Guid ProjectId, string Code, string Name, Guid OwnerId, string? OwnerName);

public sealed class CreateLeadValidator : AbstractValidator<CreateLead>
{
    public CreateLeadValidator()
    {
        RuleFor(x => x).Must(x => (x.EnterpriseId is null) != (x.NewEnterprise is null))
            .WithName("enterpriseId")
            .OverridePropertyName("enterpriseId")
            .WithMsg(M.LeadEnterpriseOneOf);
        RuleFor(x => x.SectorId).NotNull().WithMsg(M.ChooseSector);
        RuleFor(x => x.Source).IsInEnum();
        RuleFor(x => x.Name).MaximumLength(InvestmentProject.NameMaxLength);
        RuleFor(x => x.EstimatedInvestment!).SetValidator(new MoneyValidator()).When(x => x.EstimatedInvestment is not null);
        RuleFor(x => x.NewEnterprise!).SetValidator(new NewEnterpriseValidator()).When(x => x.NewEnterprise is not null);
    }
}

public sealed class CreateLeadHandler(IAppDbContext db, IProjectCodeAllocator codes, ICurrentUser user, IUserDirectory users, Notifier notifier, TimeProvider clock)
    : ICommandHandler<CreateLead, LeadCreated>
{
    public async ValueTask<LeadCreated> Handle(CreateLead command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ownerId = await ResolveOwnerAsync(command.OwnerId, cancellationToken);
        // An enterprise on file is only read (its name, whether it was merged): no tracking, three columns.
        var enterprise = command.NewEnterprise is { } typed
            ? Picked.Of(await NewEnterpriseAsync(typed, command.ConfirmNotDuplicate, cancellationToken))
            : await db.Enterprises.AsNoTracking().Where(e => e.Id == command.EnterpriseId)
                  .Select(e => new Picked(e.Id, e.NameZh ?? e.NameEn ?? "", e.MergedIntoId))
                  .SingleOrDefaultAsync(cancellationToken) ?? throw FieldError.Invalid("enterpriseId", M.NoSuchEnterprise);
        if (enterprise.MergedIntoId is not null)
        {
            throw FieldError.Invalid("enterpriseId", M.LeadEnterpriseMerged);
        }

        var sector = await db.Sectors.AsNoTracking().Where(s => s.Id == command.SectorId).Select(s => new { s.IsActive }).SingleOrDefaultAsync(cancellationToken)
            ?? throw FieldError.Invalid("sectorId", M.NoSuchSector);
        if (!sector.IsActive)
        {
            throw FieldError.Invalid("sectorId", M.SectorInactive);
        }

        if (command.ParkId is { } parkId && !await db.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw FieldError.Invalid("parkId", M.NoSuchPark);
        }

        if (command.ExpansionOfProjectId is { } earlier
            && !await db.Projects.AnyAsync(p => p.Id == earlier && p.EnterpriseId == enterprise.Id, cancellationToken))
        {
            throw FieldError.Invalid("expansionOfProjectId", M.ExpansionSameEnterprise);
        }

        var year = now.Year;
        var name = string.IsNullOrWhiteSpace(command.Name) ? $"{enterprise.DisplayName} 投资项目" : command.Name.Trim();
        var project = new InvestmentProject(await ProjectCodes.NextAsync(codes, year, cancellationToken), name, command.Source, ownerId, now);
        project.Place(enterprise.Id, command.SectorId, command.ParkId);
        project.Estimate(command.EstimatedInvestment?.ToMoney(), command.IsMajor);
        project.MarkExpansionOf(command.ExpansionOfProjectId);
        db.Projects.Add(project);

        var conflicts = await ConflictsAsync(enterprise.Id, ownerId, cancellationToken);
        foreach (var conflict in conflicts)
        {
            notifier.Notify(conflict.OwnerId, "lead.conflict", M.LeadConflictTitle.With(("enterprise", enterprise.DisplayName), ("code", project.Code)), M.LeadConflictBody.With(("yours", conflict.Code)), $"/projects/{project.Id}");
        }

        if (conflicts.Count > 0)
        {
            notifier.Notify(ownerId, "lead.conflict", M.LeadConflictOwnerTitle.With(("enterprise", enterprise.DisplayName)), M.LeadConflictList.With(("projects", string.Join("; ", conflicts.Select(c => $"{c.Code} {c.Name} ({c.OwnerName})")))), $"/projects/{project.Id}");
        }

        await ProjectCodes.SaveAsync(db, codes, [project], year, cancellationToken);
        return new LeadCreated(project.Id, project.Code, enterprise.Id, project.Version, conflicts);
    }

    /// <summary>What a lead needs of its enterprise.</summary>
    private sealed record Picked(Guid Id, string DisplayName, Guid? MergedIntoId)
    {
        public static Picked Of(Enterprise enterprise) => new(enterprise.Id, enterprise.DisplayName, enterprise.MergedIntoId);
    }

    private async Task<Guid> ResolveOwnerAsync(Guid? requested, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        if (requested is null || requested == me)
        {
            return me;
        }

        if (!user.IsManagerOrAdmin())
        {
            throw new ForbiddenAccessException(M.OnlyManagerAssignsLead);
        }

        return await users.IsActiveInRoleAsync(requested.Value, [Roles.Officer, Roles.Manager], cancellationToken)
            ? requested.Value
            : throw FieldError.Invalid("ownerId", M.OwnerMustBeStaff);
    }

    private async Task<Enterprise> NewEnterpriseAsync(NewEnterprise typed, bool confirmed, CancellationToken cancellationToken)
    {
        var candidates = await EnterpriseDuplicates.FindAsync(db, typed.NameZh, typed.NameEn, typed.CreditCode, null, cancellationToken);
        if (candidates.Count > 0 && (!confirmed || candidates.Any(c => c.Reason == EnterpriseDuplicates.SameCreditCode)))
        {
            throw new DuplicateEnterpriseException(candidates);
        }

        var enterprise = new Enterprise(typed.NameZh, typed.NameEn, typed.Country, typed.Ownership);
        enterprise.SetCreditCode(typed.CreditCode);
        db.Enterprises.Add(enterprise);
        return enterprise;
    }

    private async Task<List<OwnershipConflict>> ConflictsAsync(Guid enterpriseId, Guid ownerId, CancellationToken cancellationToken)
    {
        var others = await db.Projects.AsNoTracking()
            .Where(p => p.EnterpriseId == enterpriseId && p.OwnerId != ownerId && p.Stage != ProjectStage.Lost && p.Stage != ProjectStage.AtCapacity)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Name, p.OwnerId })
            .ToListAsync(cancellationToken);
        if (others.Count == 0)
        {
            return [];
        }

        var names = await users.DisplayNamesAsync(others.Select(o => o.OwnerId), cancellationToken);
        return [.. others.Select(o => new OwnershipConflict(o.Id, o.Code, o.Name, o.OwnerId, names.GetValueOrDefault(o.OwnerId)))];
    }
}
