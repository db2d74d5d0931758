using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using Mediator;

namespace KunshanInvest.Application.Commitments.UpdateCommitment;

/// <summary>
/// Amends a commitment (the project's owner or a manager; If-Match). A changed metric, target or date is a new promise:
/// the daily check may flag it again.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UpdateCommitment(Guid Id, int ExpectedVersion, CommitmentMetric Metric, long? Target, DateOnly CheckOn, string? Clause)
    : ICommand<CommitmentDto>, ICommitmentFields;

public sealed class UpdateCommitmentValidator : AbstractValidator<UpdateCommitment>
{
    public UpdateCommitmentValidator() => this.AddCommitmentRules();
}

public sealed class UpdateCommitmentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateCommitment, CommitmentDto>
{
    public async ValueTask<CommitmentDto> Handle(UpdateCommitment command, CancellationToken cancellationToken)
    {
        var commitment = await CommitmentAccess.LoadForEditAsync(db, user, command.Id, command.ExpectedVersion, cancellationToken);
        commitment.Amend(command.Metric, command.Target, command.CheckOn, command.Clause);
        await db.SaveChangesAsync(cancellationToken);
        return await CommitmentReads.OneAsync(db, commitment.Id, clock.BureauToday(), cancellationToken);
    }
}
