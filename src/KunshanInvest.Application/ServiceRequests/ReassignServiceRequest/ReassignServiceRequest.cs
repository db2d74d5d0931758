using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.ReassignServiceRequest;

/// <summary>转办: the routed department (or a manager) sends an open request to another active department, with a note; it is 受理 there again, its deadline unchanged.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record ReassignServiceRequest(Guid RequestId, int ExpectedVersion, Guid DepartmentId, string? Note) : ICommand<ServiceRequestChanged>;

public sealed class ReassignServiceRequestValidator : AbstractValidator<ReassignServiceRequest>
{
    public ReassignServiceRequestValidator()
    {
        RuleFor(x => x.Note).MaximumLength(ServiceRequest.ReasonMaxLength);
        RuleFor(x => x.DepartmentId).NotEmpty();
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
    }
}

public sealed class ReassignServiceRequestHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReassignServiceRequest, ServiceRequestChanged>
{
    public async ValueTask<ServiceRequestChanged> Handle(ReassignServiceRequest command, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestAccess.LoadForStepAsync(db, user, command.RequestId, command.ExpectedVersion, cancellationToken);
        if (!await db.Departments.AnyAsync(d => d.Id == command.DepartmentId && d.IsActive, cancellationToken))
        {
            throw new DomainRuleException(M.ServiceDepartmentInactive.Code, "That department does not exist or is inactive.");
        }

        request.Reassign(command.DepartmentId, command.Note, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceRequestChanged(request.Id, request.Status, request.DepartmentId, request.Version);
    }
}
