using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Domain.Parks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Parks.GetPark;

/// <summary>One park with its version (the ETag an edit sends back).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record GetPark(Guid Id) : IQuery<ParkDto>;

public sealed class GetParkHandler(IAppDbContext db) : IQueryHandler<GetPark, ParkDto>
{
    public async ValueTask<ParkDto> Handle(GetPark query, CancellationToken cancellationToken) =>
        await db.Parks.AsNoTracking().Where(p => p.Id == query.Id)
            .Select(p => new ParkDto(p.Id, p.Code, p.NameZh, p.NameEn, p.Description, p.Version))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(nameof(Park), query.Id);
}
