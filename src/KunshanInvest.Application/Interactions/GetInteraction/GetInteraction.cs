using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Interactions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Interactions.GetInteraction;

[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetInteraction(Guid Id) : IQuery<InteractionDto>;

public sealed record InteractionDto(
    Guid Id, Guid? ProjectId, Guid EnterpriseId, InteractionKind Kind, DateTime OccurredAtUtc, Guid ByUserId, string Summary, string? NextSteps,
    DateTime CreatedAtUtc, int Version)
{
    internal static InteractionDto From(Interaction i) =>
        new(i.Id, i.ProjectId, i.EnterpriseId, i.Kind, i.OccurredAtUtc, i.ByUserId, i.Summary, i.NextSteps, i.CreatedAtUtc, i.Version);
}

public sealed class GetInteractionHandler(IAppDbContext db) : IQueryHandler<GetInteraction, InteractionDto>
{
    public async ValueTask<InteractionDto> Handle(GetInteraction query, CancellationToken cancellationToken)
    {
        var interaction = await db.Interactions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Interaction", query.Id);
        return InteractionDto.From(interaction);
    }
}
