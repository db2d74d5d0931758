using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Commitments.RemoveCommitment;

/// <summary>Removes a commitment entered by mistake (the project's owner or a manager; If-Match). The audit trail keeps it.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RemoveCommitment(Guid Id, int ExpectedVersion) : ICommand;

public sealed class RemoveCommitmentHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<RemoveCommitment>
{
    public async ValueTask<Unit> Handle(RemoveCommitment command, CancellationToken cancellationToken)
    {
        var commitment = await CommitmentAccess.LoadForEditAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        db.Commitments.Remove(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
