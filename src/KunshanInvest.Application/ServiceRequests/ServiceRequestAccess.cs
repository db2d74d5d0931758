using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests;

/// <summary>
/// Who may read and who may work a service request (ADR 0031), as query filters every read and write goes through:
/// bureau staff read every request; a <see cref="Roles.Department"/> user reads only the requests routed to a department
/// they are a member of (another one is a 404, its existence not theirs to know). The steps (start, close, return,
/// reassign) are for the routed department's members, and for managers and admins covering for them.
/// </summary>
public static class ServiceRequestAccess
{
    /// <summary>The requests <paramref name="user"/> may see; none for anyone but staff and department users.</summary>
    public static IQueryable<ServiceRequest> Readable(IAppDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsStaff())
        {
            return db.ServiceRequests;
        }

        if (user.IsInRole(Roles.Department) && user.Id is { } me)
        {
            return db.ServiceRequests.Where(r => db.DepartmentMembers.Any(m => m.UserId == me && m.DepartmentId == r.DepartmentId));
        }

        return db.ServiceRequests.Where(r => false);
    }

    /// <summary>The requests <paramref name="user"/> may take a step on: their departments' requests, or all for managers and admins.</summary>
    public static IQueryable<ServiceRequest> Workable(IAppDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsManagerOrAdmin())
        {
            return db.ServiceRequests;
        }

        if (user.Id is not { } me || !(user.IsStaff() || user.IsInRole(Roles.Department)))
        {
            return db.ServiceRequests.Where(r => false);
        }

        return db.ServiceRequests.Where(r => db.DepartmentMembers.Any(m => m.UserId == me && m.DepartmentId == r.DepartmentId));
    }

    /// <summary>Whether <paramref name="user"/> may take a step on a request routed to <paramref name="departmentId"/> (one query, none for managers).</summary>
    public static async Task<bool> CanWorkAsync(IAppDbContext db, ICurrentUser user, Guid departmentId, CancellationToken cancellationToken)
    {
        if (user.IsManagerOrAdmin())
        {
            return true;
        }

        return user.Id is { } me && await db.DepartmentMembers.AnyAsync(m => m.UserId == me && m.DepartmentId == departmentId, cancellationToken);
    }

    /// <summary>Whether <paramref name="user"/> may record the return visit of <paramref name="request"/>.</summary>
    public static bool CanVisit(ICurrentUser user, Guid? serviceOfficerId, Guid createdById) =>
        user.IsManagerOrAdmin() || (user.IsStaff() && user.Id is { } me && (me == serviceOfficerId || me == createdById));

    /// <summary>
    /// A request the caller may read, at the version they read (If-Match), for a step: unreadable 404, readable but not
    /// theirs to work 403, stale 409.
    /// </summary>
    public static async Task<ServiceRequest> LoadForStepAsync(IAppDbContext db, ICurrentUser user, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var request = await Readable(db, user).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("ServiceRequest", id);
        if (!await CanWorkAsync(db, user, request.DepartmentId, cancellationToken))
        {
            throw new DomainForbiddenException(M.ServiceNotYourStep.Code, "Only the department's handlers or a manager may take this step.");
        }

        Expect(db, request, expectedVersion);
        return request;
    }

    /// <summary>A readable request at the version the caller read, for the return visit (staff only; the officer, the logger or a manager).</summary>
    public static async Task<ServiceRequest> LoadForVisitAsync(IAppDbContext db, ICurrentUser user, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var request = await Readable(db, user).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("ServiceRequest", id);
        if (!CanVisit(user, request.ServiceOfficerId, request.CreatedById))
        {
            throw new DomainForbiddenException(M.ServiceVisitNotYours.Code, "Only the service officer, the officer who logged it, or a manager may record the return visit.");
        }

        Expect(db, request, expectedVersion);
        return request;
    }

    private static void Expect(IAppDbContext db, ServiceRequest request, int expectedVersion)
    {
        if (request.Version != expectedVersion)
        {
            throw new ConflictException(M.ServiceVersionStale);
        }

        db.ExpectVersion(request, expectedVersion);
    }
}
