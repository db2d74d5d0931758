using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.ListServiceRequests;

/// <summary>
/// The request queue: for a department user their departments' requests, for staff every request; filtered by status,
/// category, department, enterprise, overdue and "mine" (staff: the requests they serve or logged), open ones first by
/// deadline, paged — all in SQL (a count, a page, the names on it).
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record ListServiceRequests(
    ServiceRequestStatus? Status = null,
    Guid? CategoryId = null,
    Guid? DepartmentId = null,
    Guid? EnterpriseId = null,
    bool Overdue = false,
    bool Mine = false,
    int Page = 1,
    int PageSize = 50) : IQuery<ServiceRequestPage>;

public sealed class ListServiceRequestsValidator : AbstractValidator<ListServiceRequests>
{
    public const int MaxPageSize = 200;

    public ListServiceRequestsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}

public sealed class ListServiceRequestsHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IQueryHandler<ListServiceRequests, ServiceRequestPage>
{
    public async ValueTask<ServiceRequestPage> Handle(ListServiceRequests query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var requests = ServiceRequestAccess.Readable(db, user).AsNoTracking();
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (query.CategoryId is { } category)
        {
            requests = requests.Where(r => r.CategoryId == category);
        }

        if (query.DepartmentId is { } department)
        {
            requests = requests.Where(r => r.DepartmentId == department);
        }

        if (query.EnterpriseId is { } enterprise)
        {
            requests = requests.Where(r => r.EnterpriseId == enterprise);
        }

        if (query.Overdue)
        {
            requests = requests.Overdue(now);
        }

        if (query.Mine && user.IsStaff())
        {
            var me = user.RequireId();
            requests = requests.Where(r => r.ServiceOfficerId == me || r.CreatedById == me);
        }

        var total = await requests.CountAsync(cancellationToken);
        var items = await ServiceRequestReads.RowsAsync(db, users, requests, (query.Page - 1) * query.PageSize, query.PageSize, now, cancellationToken);
        return new ServiceRequestPage(items, query.Page, query.PageSize, total);
    }
}
