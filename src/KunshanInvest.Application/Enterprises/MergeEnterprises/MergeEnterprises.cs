using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.GetEnterprise;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Enterprises.MergeEnterprises;

/// <summary>
/// Retires a duplicate record: its projects, contacts and interactions move to the survivor, and it keeps only its
/// history. One save, so the audit trail records every move with the merge, or none of it. Managers only: a merge
/// moves other officers' projects and cannot be undone.
/// </summary>
/// <param name="SourceVersion">The duplicate's version as last read (If-Match); optional.</param>
/// <param name="SurvivorVersion">The survivor's version as last read; optional.</param>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Manager)]
public sealed record MergeEnterprises(Guid SourceId, Guid SurvivorId, int? SourceVersion = null, int? SurvivorVersion = null) : ICommand<EnterpriseDetail>;

public sealed class MergeEnterprisesValidator : AbstractValidator<MergeEnterprises>
{
    public MergeEnterprisesValidator()
    {
        RuleFor(x => x.SurvivorId).NotEqual(x => x.SourceId)
            .WithMsg(M.MergeIntoItself);
        RuleFor(x => x.SourceVersion).GreaterThanOrEqualTo(0);
        RuleFor(x => x.SurvivorVersion).GreaterThanOrEqualTo(0);
    }
}

public sealed class MergeEnterprisesHandler(IAppDbContext db) : ICommandHandler<MergeEnterprises, EnterpriseDetail>
{
    public async ValueTask<EnterpriseDetail> Handle(MergeEnterprises command, CancellationToken cancellationToken)
    {
        var pair = await db.Enterprises
            .Where(e => e.Id == command.SourceId || e.Id == command.SurvivorId)
            .ToListAsync(cancellationToken);
        var source = pair.SingleOrDefault(e => e.Id == command.SourceId) ?? throw new NotFoundException(nameof(Enterprise), command.SourceId);
        var survivor = pair.SingleOrDefault(e => e.Id == command.SurvivorId) ?? throw new NotFoundException(nameof(Enterprise), command.SurvivorId);

        if (command.SourceVersion is { } sourceVersion)
        {
            db.ExpectVersion(source, sourceVersion);
        }

        if (command.SurvivorVersion is { } survivorVersion)
        {
            db.ExpectVersion(survivor, survivorVersion);
        }

        source.MergeInto(survivor);

        // Loaded and changed one by one rather than with ExecuteUpdate, so that the audit interceptor records each
        // move; a duplicate record has a handful of these.
        foreach (var project in await db.Projects.Where(p => p.EnterpriseId == source.Id).ToListAsync(cancellationToken))
        {
            project.MoveToEnterprise(survivor.Id);
        }

        foreach (var contact in await db.Contacts.Where(c => c.EnterpriseId == source.Id).ToListAsync(cancellationToken))
        {
            contact.MoveToEnterprise(survivor.Id);
        }

        foreach (var interaction in await db.Interactions.Where(i => i.EnterpriseId == source.Id).ToListAsync(cancellationToken))
        {
            interaction.MoveToEnterprise(survivor.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await EnterpriseDetails.LoadAsync(db, survivor.Id, cancellationToken))!;
    }
}
