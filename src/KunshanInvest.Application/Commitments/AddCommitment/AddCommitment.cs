using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Figures;
using Mediator;

namespace KunshanInvest.Application.Commitments.AddCommitment;

/// <summary>Records one promise of the project's investment agreement (the owner or a manager).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record AddCommitment(Guid ProjectId, CommitmentMetric Metric, long? Target, DateOnly CheckOn, string? Clause)
    : ICommand<CommitmentDto>, ICommitmentFields;

public sealed class AddCommitmentValidator : AbstractValidator<AddCommitment>
{
    public AddCommitmentValidator() => this.AddCommitmentRules();
}

public sealed class AddCommitmentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddCommitment, CommitmentDto>
{
    public async ValueTask<CommitmentDto> Handle(AddCommitment command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, null, cancellationToken);
        var commitment = new AgreementCommitment(project.Id, command.Metric, command.Target, command.CheckOn, command.Clause, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return await CommitmentReads.OneAsync(db, commitment.Id, clock.BureauToday(), cancellationToken);
    }
}
