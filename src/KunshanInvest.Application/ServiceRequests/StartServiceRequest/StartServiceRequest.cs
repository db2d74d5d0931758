using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.ServiceRequests.StartServiceRequest;

/// <summary>办理: the routed department's handler (or a manager covering) takes up a 受理 request; audited, timestamped in its steps.</summary>
[AuthorizeRequest(Roles = $"{Roles.Staff},{Roles.Department}")]
public sealed record StartServiceRequest(Guid RequestId, int ExpectedVersion) : ICommand<ServiceRequestChanged>;

public sealed class StartServiceRequestValidator : AbstractValidator<StartServiceRequest>
{
    public StartServiceRequestValidator()
    {
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
    }
}

public sealed class StartServiceRequestHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartServiceRequest, ServiceRequestChanged>
{
    public async ValueTask<ServiceRequestChanged> Handle(StartServiceRequest command, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestAccess.LoadForStepAsync(db, user, command.RequestId, command.ExpectedVersion, cancellationToken);
        request.Start(user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceRequestChanged(request.Id, request.Status, request.DepartmentId, request.Version);
    }
}
