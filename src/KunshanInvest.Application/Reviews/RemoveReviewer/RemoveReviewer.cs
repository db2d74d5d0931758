using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews.RemoveReviewer;

/// <summary>An admin withdraws a named reviewer; the opinions they gave stay with their rounds.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RemoveReviewer(Guid Id) : ICommand;

public sealed class RemoveReviewerHandler(IAppDbContext db) : ICommandHandler<RemoveReviewer>
{
    public async ValueTask<Unit> Handle(RemoveReviewer command, CancellationToken cancellationToken)
    {
        var reviewer = await db.NamedReviewers.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("NamedReviewer", command.Id);
        db.NamedReviewers.Remove(reviewer);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
