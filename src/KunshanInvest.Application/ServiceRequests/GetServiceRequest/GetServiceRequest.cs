using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.GetServiceRequest;

/// <summary>
/// A request in full, for whoever may read it (another department's is a 404): its steps (who, when, from/to which
/// department), its files, and which actions the reader may take now.
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record GetServiceRequest(Guid RequestId) : IQuery<ServiceRequestDetail>;

public sealed class GetServiceRequestHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IQueryHandler<GetServiceRequest, ServiceRequestDetail>
{
    public async ValueTask<ServiceRequestDetail> Handle(GetServiceRequest query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await (
                from q in ServiceRequestAccess.Readable(db, user).AsNoTracking()
                where q.Id == query.RequestId
                join e in db.Enterprises on q.EnterpriseId equals e.Id
                join c in db.ServiceCategories on q.CategoryId equals c.Id
                join d in db.Departments on q.DepartmentId equals d.Id
                select new { r = q, EnterpriseName = e.NameZh ?? e.NameEn ?? "", c.NameZh, c.NameEn, DeptZh = d.NameZh, DeptEn = d.NameEn })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ServiceRequest", query.RequestId);
        var r = found.r;
        var steps = await (
                from s in db.ServiceRequestSteps.AsNoTracking()
                where s.RequestId == r.Id
                join f in db.Departments on s.FromDepartmentId equals f.Id into fs
                from f in fs.DefaultIfEmpty()
                join t in db.Departments on s.ToDepartmentId equals t.Id into ts
                from t in ts.DefaultIfEmpty()
                orderby s.AtUtc, s.Kind
                select new { s, FromZh = f == null ? null : f.NameZh, FromEn = f == null ? null : f.NameEn, ToZh = t == null ? null : t.NameZh, ToEn = t == null ? null : t.NameEn })
            .ToListAsync(cancellationToken);
        var files = await db.ServiceRequestAttachments.AsNoTracking().Where(a => a.RequestId == r.Id).OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var who = steps.Select(s => s.s.ByUserId).Concat(files.Select(f => f.UploadedById)).Append(r.CreatedById);
        if (r.ServiceOfficerId is { } officer)
        {
            who = who.Append(officer);
        }

        var names = await users.DisplayNamesAsync(who.Distinct(), cancellationToken);
        var canWork = r.IsOpen && await ServiceRequestAccess.CanWorkAsync(db, user, r.DepartmentId, cancellationToken);
        return new ServiceRequestDetail(
            ServiceRequestReads.Row(r, found.EnterpriseName, found.NameZh, found.NameEn, found.DeptZh, found.DeptEn, r.ServiceOfficerId is { } o ? names.GetValueOrDefault(o) : null, now),
            r.ContactName, r.ContactPhone, r.CreatedById, names.GetValueOrDefault(r.CreatedById), r.StartedAtUtc, r.Reply, r.VisitedAtUtc, r.VisitComment, r.ReturnedAtUtc, r.ReturnedReason,
            steps.Select(x => new ServiceStepDto(x.s.Kind, x.s.ByUserId, names.GetValueOrDefault(x.s.ByUserId), x.s.AtUtc, x.FromZh, x.FromEn, x.ToZh, x.ToEn, x.s.Note)).ToList(),
            files.Select(f => new ServiceAttachmentDto(f.Id, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAtUtc, names.GetValueOrDefault(f.UploadedById))).ToList(),
            canWork,
            r.Status == Domain.Services.ServiceRequestStatus.Closed && ServiceRequestAccess.CanVisit(user, r.ServiceOfficerId, r.CreatedById));
    }
}
