using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests;

/// <summary>The list projection every request list shares: one SQL statement for a page of rows, one for the names on it.</summary>
internal static class ServiceRequestReads
{
    /// <summary>Open, and past its deadline at <paramref name="nowUtc"/>.</summary>
    public static IQueryable<ServiceRequest> Overdue(this IQueryable<ServiceRequest> requests, DateTime nowUtc) =>
        requests.Where(r => (r.Status == ServiceRequestStatus.Accepted || r.Status == ServiceRequestStatus.InProgress) && r.DueAtUtc < nowUtc);

    /// <summary>
    /// A page of <paramref name="requests"/> (filtered, not ordered) as rows: open requests first by deadline, then the
    /// finished ones by deadline; two statements (the page with its names, then the officers' names).
    /// </summary>
    public static async Task<IReadOnlyList<ServiceRequestRow>> RowsAsync(IAppDbContext db, IUserDirectory users, IQueryable<ServiceRequest> requests, int skip, int take, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in requests
                join e in db.Enterprises on r.EnterpriseId equals e.Id
                join c in db.ServiceCategories on r.CategoryId equals c.Id
                join d in db.Departments on r.DepartmentId equals d.Id
                orderby (r.Status == ServiceRequestStatus.Accepted || r.Status == ServiceRequestStatus.InProgress ? 0 : 1), r.DueAtUtc, r.Id
                select new { r, EnterpriseName = e.NameZh ?? e.NameEn ?? "", c.NameZh, c.NameEn, DeptZh = d.NameZh, DeptEn = d.NameEn })
            .Skip(skip).Take(take)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(rows.Where(x => x.r.ServiceOfficerId is not null).Select(x => x.r.ServiceOfficerId!.Value).Distinct(), cancellationToken);
        return rows.Select(x => Row(x.r, x.EnterpriseName, x.NameZh, x.NameEn, x.DeptZh, x.DeptEn, x.r.ServiceOfficerId is { } o ? names.GetValueOrDefault(o) : null, nowUtc)).ToList();
    }

    public static ServiceRequestRow Row(ServiceRequest r, string enterprise, string categoryZh, string categoryEn, string departmentZh, string departmentEn, string? officer, DateTime nowUtc) => new(
        r.Id, r.EnterpriseId, enterprise, r.CategoryId, categoryZh, categoryEn, r.DepartmentId, departmentZh, departmentEn,
        r.Description, r.Status, r.AcceptedAtUtc, r.DueAtUtc, r.ClosedAtUtc, r.IsOpen && r.DueAtUtc < nowUtc,
        r.ServiceOfficerId, officer, r.Satisfaction, r.Version);
}
