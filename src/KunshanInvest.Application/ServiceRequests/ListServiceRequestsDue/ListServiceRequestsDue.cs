using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Services;
using Mediator;

namespace KunshanInvest.Application.ServiceRequests.ListServiceRequestsDue;

/// <summary>
/// The officer's "requests due" (home page): open requests of the enterprises they serve or that they logged, due within
/// <see cref="Days"/> days or overdue, and the closed ones awaiting their return visit; by deadline, in SQL.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListServiceRequestsDue(int Days = 7, int Take = 20) : IQuery<IReadOnlyList<ServiceRequestRow>>;

public sealed class ListServiceRequestsDueValidator : AbstractValidator<ListServiceRequestsDue>
{
    public ListServiceRequestsDueValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(0, 365);
        RuleFor(x => x.Take).InclusiveBetween(1, 100);
    }
}

public sealed class ListServiceRequestsDueHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IQueryHandler<ListServiceRequestsDue, IReadOnlyList<ServiceRequestRow>>
{
    public async ValueTask<IReadOnlyList<ServiceRequestRow>> Handle(ListServiceRequestsDue query, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(query.Days);
        var due = ServiceRequestAccess.Readable(db, user)
            .Where(r => r.ServiceOfficerId == me || r.CreatedById == me)
            .Where(r => ((r.Status == ServiceRequestStatus.Accepted || r.Status == ServiceRequestStatus.InProgress) && r.DueAtUtc <= horizon)
                        || r.Status == ServiceRequestStatus.Closed);
        return await ServiceRequestReads.RowsAsync(db, users, due, 0, query.Take, now, cancellationToken);
    }
}
