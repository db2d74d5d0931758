using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Targets;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record DeleteTarget(Guid Id, int Version) : ICommand<Unit>;

public sealed class DeleteTargetHandler(IAppDbContext db) : ICommandHandler<DeleteTarget, Unit>
{
    public async ValueTask<Unit> Handle(DeleteTarget command, CancellationToken cancellationToken)
    {
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Target), command.Id);
        db.ExpectVersion(target, command.Version);
        db.Targets.Remove(target);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
