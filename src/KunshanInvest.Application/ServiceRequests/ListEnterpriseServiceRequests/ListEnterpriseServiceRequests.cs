using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.ListEnterpriseServiceRequests;

/// <summary>The enterprise page's panel: its service officer, whether it has landed, and its latest requests (staff only).</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListEnterpriseServiceRequests(Guid EnterpriseId, int Take = 20) : IQuery<EnterpriseServicePanel>;

public sealed record EnterpriseServicePanel(Guid EnterpriseId, int EnterpriseVersion, bool Landed, Guid? ServiceOfficerId, string? ServiceOfficerName, int Total, IReadOnlyList<ServiceRequestRow> Requests);

public sealed class ListEnterpriseServiceRequestsHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IQueryHandler<ListEnterpriseServiceRequests, EnterpriseServicePanel>
{
    public async ValueTask<EnterpriseServicePanel> Handle(ListEnterpriseServiceRequests query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var enterprise = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id == query.EnterpriseId)
            .Select(e => new
            {
                e.Id,
                e.Version,
                e.ServiceOfficerId,
                Landed = db.Projects.Any(p => p.EnterpriseId == e.Id && p.Stage >= Domain.Projects.ProjectStage.Registered && p.Stage <= Domain.Projects.ProjectStage.AtCapacity),
                Total = db.ServiceRequests.Count(r => r.EnterpriseId == e.Id),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Enterprise", query.EnterpriseId);
        var requests = ServiceRequestAccess.Readable(db, user).AsNoTracking().Where(r => r.EnterpriseId == enterprise.Id);
        var rows = await ServiceRequestReads.RowsAsync(db, users, requests, 0, Math.Clamp(query.Take, 1, 100), now, cancellationToken);
        var officer = enterprise.ServiceOfficerId is { } id
            ? rows.FirstOrDefault(r => r.ServiceOfficerId == id)?.ServiceOfficerName ?? (await users.DisplayNamesAsync([id], cancellationToken)).GetValueOrDefault(id)
            : null;
        return new EnterpriseServicePanel(enterprise.Id, enterprise.Version, enterprise.Landed, enterprise.ServiceOfficerId, officer, enterprise.Total, rows);
    }
}
