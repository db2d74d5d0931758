using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.ServiceRequests.GetServiceRequestLoad;

/// <summary>
/// 在办与超期: the open requests (受理, 办理中) now, and how many of them are past their deadline, by category and by
/// department. Two grouped statements whatever the number of requests.
/// </summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record GetServiceRequestLoad : IQuery<ServiceRequestLoad>;

public sealed record ServiceRequestLoad(DateTime AtUtc, int Open, int Overdue, IReadOnlyList<ServiceLoadRow> ByCategory, IReadOnlyList<ServiceLoadRow> ByDepartment);

public sealed record ServiceLoadRow(Guid Id, string Code, string NameZh, string NameEn, int Open, int Overdue);

public sealed class GetServiceRequestLoadHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetServiceRequestLoad, ServiceRequestLoad>
{
    public async ValueTask<ServiceRequestLoad> Handle(GetServiceRequestLoad query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.ServiceRequests.AsNoTracking().Where(r => r.Status == ServiceRequestStatus.Accepted || r.Status == ServiceRequestStatus.InProgress);

        var byCategory = await open
            .Join(db.ServiceCategories, r => r.CategoryId, c => c.Id, (r, c) => new { r.DueAtUtc, c.Id, c.Code, c.NameZh, c.NameEn })
            .GroupBy(x => new { x.Id, x.Code, x.NameZh, x.NameEn })
            .Select(g => new ServiceLoadRow(g.Key.Id, g.Key.Code, g.Key.NameZh, g.Key.NameEn, g.Count(), g.Count(x => x.DueAtUtc <= now)))
            .ToListAsync(cancellationToken);
        var byDepartment = await open
            .Join(db.Departments, r => r.DepartmentId, d => d.Id, (r, d) => new { r.DueAtUtc, d.Id, d.Code, d.NameZh, d.NameEn })
            .GroupBy(x => new { x.Id, x.Code, x.NameZh, x.NameEn })
            .Select(g => new ServiceLoadRow(g.Key.Id, g.Key.Code, g.Key.NameZh, g.Key.NameEn, g.Count(), g.Count(x => x.DueAtUtc <= now)))
            .ToListAsync(cancellationToken);

        return new ServiceRequestLoad(
            now, byCategory.Sum(r => r.Open), byCategory.Sum(r => r.Overdue),
            [.. byCategory.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Code, StringComparer.Ordinal)],
            [.. byDepartment.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Code, StringComparer.Ordinal)]);
    }
}
