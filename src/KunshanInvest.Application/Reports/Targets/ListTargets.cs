using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Targets;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListTargets(int Year) : IQuery<IReadOnlyList<TargetDto>>;

public sealed class ListTargetsValidator : AbstractValidator<ListTargets>
{
    public ListTargetsValidator() => RuleFor(x => x.Year).InclusiveBetween(Target.MinYear, Target.MaxYear).WithMsg(M.YearRange);
}

public sealed class ListTargetsHandler(IAppDbContext db) : IQueryHandler<ListTargets, IReadOnlyList<TargetDto>>
{
    public async ValueTask<IReadOnlyList<TargetDto>> Handle(ListTargets query, CancellationToken cancellationToken) =>
        await db.Targets.AsNoTracking()
            .Where(t => t.Year == query.Year)
            .OrderBy(t => t.Metric).ThenBy(t => t.SectorId).ThenBy(t => t.OfficerId).ThenBy(t => t.ParkId)
            .Select(t => new TargetDto(t.Id, t.Version, t.Year, t.Metric, t.SectorId, t.OfficerId, t.ParkId, t.Value))
            .ToListAsync(cancellationToken);
}
