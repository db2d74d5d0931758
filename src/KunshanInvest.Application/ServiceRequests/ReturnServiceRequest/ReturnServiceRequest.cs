using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;

namespace KunshanInvest.Application.ServiceRequests.ReturnServiceRequest;

/// <summary>退回: the department sends an open request back with a reason (not theirs, incomplete, not a request). Final.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record ReturnServiceRequest(Guid RequestId, int ExpectedVersion, string? Reason) : ICommand<ServiceRequestChanged>;

public sealed class ReturnServiceRequestValidator : AbstractValidator<ReturnServiceRequest>
{
    public ReturnServiceRequestValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ServiceRequest.ReasonMaxLength);
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
    }
}

public sealed class ReturnServiceRequestHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReturnServiceRequest, ServiceRequestChanged>
{
    public async ValueTask<ServiceRequestChanged> Handle(ReturnServiceRequest command, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestAccess.LoadForStepAsync(db, user, command.RequestId, command.ExpectedVersion, cancellationToken);
        request.Return(command.Reason!, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceRequestChanged(request.Id, request.Status, request.DepartmentId, request.Version);
    }
}
