using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.Aliases;

/// <summary>An enterprise's aliases by kind then text: two SQL statements (the enterprise exists, its aliases).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListEnterpriseAliases(Guid EnterpriseId) : IQuery<IReadOnlyList<EnterpriseAliasDto>>;

public sealed class ListEnterpriseAliasesHandler(IAppDbContext db) : IQueryHandler<ListEnterpriseAliases, IReadOnlyList<EnterpriseAliasDto>>
{
    public async ValueTask<IReadOnlyList<EnterpriseAliasDto>> Handle(ListEnterpriseAliases query, CancellationToken cancellationToken)
    {
        if (!await db.Enterprises.AnyAsync(e => e.Id == query.EnterpriseId, cancellationToken))
        {
            throw new NotFoundException(nameof(Enterprise), query.EnterpriseId);
        }

        return await db.EnterpriseAliases.AsNoTracking()
            .Where(a => a.EnterpriseId == query.EnterpriseId)
            .OrderBy(a => a.Kind).ThenBy(a => a.Text)
            .Select(a => new EnterpriseAliasDto(a.Id, a.EnterpriseId, a.Text, a.Kind, a.Key))
            .ToListAsync(cancellationToken);
    }
}
