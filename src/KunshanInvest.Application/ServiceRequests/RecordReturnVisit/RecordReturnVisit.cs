using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;

namespace KunshanInvest.Application.ServiceRequests.RecordReturnVisit;

/// <summary>回访: the enterprise's satisfaction (1–5) and comment after 办结, recorded by its service officer, the officer who logged it, or a manager.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RecordReturnVisit(Guid RequestId, int ExpectedVersion, int Satisfaction, string? Comment) : ICommand<ServiceRequestChanged>;

public sealed class RecordReturnVisitValidator : AbstractValidator<RecordReturnVisit>
{
    public RecordReturnVisitValidator()
    {
        RuleFor(x => x.Comment).MaximumLength(ServiceRequest.CommentMaxLength);
        RuleFor(x => x.Satisfaction).InclusiveBetween(1, 5);
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
    }
}

public sealed class RecordReturnVisitHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordReturnVisit, ServiceRequestChanged>
{
    public async ValueTask<ServiceRequestChanged> Handle(RecordReturnVisit command, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestAccess.LoadForVisitAsync(db, user, command.RequestId, command.ExpectedVersion, cancellationToken);
        request.RecordVisit(command.Satisfaction, command.Comment, user.RequireId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceRequestChanged(request.Id, request.Status, request.DepartmentId, request.Version);
    }
}
