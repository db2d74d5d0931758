using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.ListServiceCategories;

/// <summary>Every service request category (诉求类别), active or not, by code.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListServiceCategories : IQuery<IReadOnlyList<ServiceCategoryDto>>;

public sealed class ListServiceCategoriesHandler(IAppDbContext db) : IQueryHandler<ListServiceCategories, IReadOnlyList<ServiceCategoryDto>>
{
    public async ValueTask<IReadOnlyList<ServiceCategoryDto>> Handle(ListServiceCategories query, CancellationToken cancellationToken) =>
        await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new ServiceCategoryDto(c.Id, c.Code, c.NameZh, c.NameEn, c.DeadlineDays, c.IsActive, c.Version))
            .ToListAsync(cancellationToken);
}
