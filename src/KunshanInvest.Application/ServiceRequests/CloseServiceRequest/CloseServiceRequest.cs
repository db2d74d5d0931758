using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;

namespace KunshanInvest.Application.ServiceRequests.CloseServiceRequest;

/// <summary>办结: the department closes an open request with the reply given to the enterprise; the service officer then owes the return visit.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record CloseServiceRequest(Guid RequestId, int ExpectedVersion, string? Reply) : ICommand<ServiceRequestChanged>;

public sealed class CloseServiceRequestValidator : AbstractValidator<CloseServiceRequest>
{
    public CloseServiceRequestValidator()
    {
        RuleFor(x => x.Reply).NotEmpty().MaximumLength(ServiceRequest.ReplyMaxLength);
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
    }
}

public sealed class CloseServiceRequestHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseServiceRequest, ServiceRequestChanged>
{
    public async ValueTask<ServiceRequestChanged> Handle(CloseServiceRequest command, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestAccess.LoadForStepAsync(db, user, command.RequestId, command.ExpectedVersion, cancellationToken);
        request.Close(command.Reply!, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceRequestChanged(request.Id, request.Status, request.DepartmentId, request.Version);
    }
}
