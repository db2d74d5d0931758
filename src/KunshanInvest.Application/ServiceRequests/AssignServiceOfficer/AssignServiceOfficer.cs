using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.AssignServiceOfficer;

/// <summary>挂钩服务专员: a manager (or an admin) names the bureau user who looks after a landed enterprise, or clears it; If-Match of the enterprise.</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record AssignServiceOfficer(Guid EnterpriseId, int ExpectedVersion, Guid? UserId) : ICommand<ServiceOfficerAssigned>;

public sealed record ServiceOfficerAssigned(Guid EnterpriseId, Guid? ServiceOfficerId, int Version);

public sealed class AssignServiceOfficerValidator : AbstractValidator<AssignServiceOfficer>
{
    public AssignServiceOfficerValidator()
    {
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
        RuleFor(x => x.UserId).NotEqual(Guid.Empty);
    }
}

public sealed class AssignServiceOfficerHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<AssignServiceOfficer, ServiceOfficerAssigned>
{
    public async ValueTask<ServiceOfficerAssigned> Handle(AssignServiceOfficer command, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == command.EnterpriseId, cancellationToken)
            ?? throw new NotFoundException("Enterprise", command.EnterpriseId);
        if (enterprise.Version != command.ExpectedVersion)
        {
            throw new ConflictException(M.EnterpriseVersionStale);
        }

        db.ExpectVersion(enterprise, command.ExpectedVersion);
        if (command.UserId is { } officer && !await users.IsStaffAsync(officer, cancellationToken))
        {
            throw new DomainRuleException(M.ServiceOfficerNotStaff.Code, "The service officer must be active bureau staff.");
        }

        enterprise.AssignServiceOfficer(command.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceOfficerAssigned(enterprise.Id, enterprise.ServiceOfficerId, enterprise.Version);
    }
}
