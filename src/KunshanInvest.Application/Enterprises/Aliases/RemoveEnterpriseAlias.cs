using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.Aliases;

/// <summary>Staff remove an alias of an enterprise (the audit trail keeps it).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RemoveEnterpriseAlias(Guid EnterpriseId, Guid AliasId) : ICommand;

public sealed class RemoveEnterpriseAliasHandler(IAppDbContext db) : ICommandHandler<RemoveEnterpriseAlias>
{
    public async ValueTask<Unit> Handle(RemoveEnterpriseAlias command, CancellationToken cancellationToken)
    {
        var alias = await db.EnterpriseAliases.SingleOrDefaultAsync(a => a.Id == command.AliasId && a.EnterpriseId == command.EnterpriseId, cancellationToken)
            ?? throw new NotFoundException(nameof(EnterpriseAlias), command.AliasId);
        db.EnterpriseAliases.Remove(alias);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
