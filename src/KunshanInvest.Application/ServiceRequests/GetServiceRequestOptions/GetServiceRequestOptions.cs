using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.GetServiceRequestOptions;

/// <summary>The pickers of the log form and the queue's filters: active categories (with their days) and active departments.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record GetServiceRequestOptions : IQuery<ServiceRequestOptions>;

public sealed record ServiceRequestOptions(IReadOnlyList<ServiceCategoryOption> Categories, IReadOnlyList<DepartmentOption> Departments);

public sealed record ServiceCategoryOption(Guid Id, string Code, string NameZh, string NameEn, int DeadlineDays);

public sealed record DepartmentOption(Guid Id, string Code, string NameZh, string NameEn);

public sealed class GetServiceRequestOptionsHandler(IAppDbContext db) : IQueryHandler<GetServiceRequestOptions, ServiceRequestOptions>
{
    public async ValueTask<ServiceRequestOptions> Handle(GetServiceRequestOptions query, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
            .Select(c => new ServiceCategoryOption(c.Id, c.Code, c.NameZh, c.NameEn, c.DeadlineDays)).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code)
            .Select(d => new DepartmentOption(d.Id, d.Code, d.NameZh, d.NameEn)).ToListAsync(cancellationToken);
        return new ServiceRequestOptions(categories, departments);
    }
}
