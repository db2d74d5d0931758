using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.ServiceRequests.LogServiceRequest;

/// <summary>
/// 受理: bureau staff log a landed enterprise's request (one of its projects at 注册 or later, else a 422 naming it),
/// in an active category, routed to an active department; the deadline is now plus the category's days, the service
/// officer is the enterprise's. Up to five files under the safe-upload rules.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record LogServiceRequest(
    Guid EnterpriseId,
    Guid CategoryId,
    Guid DepartmentId,
    string Description,
    string? ContactName,
    string? ContactPhone,
    IReadOnlyList<UploadedFile>? Files = null) : ICommand<ServiceRequestChanged>;

public sealed class LogServiceRequestValidator : AbstractValidator<LogServiceRequest>
{
    public LogServiceRequestValidator()
    {
        RuleFor(x => x.Description).NotEmpty().MaximumLength(ServiceRequest.DescriptionMaxLength);
        RuleFor(x => x.ContactName).MaximumLength(ServiceRequest.ContactMaxLength);
        RuleFor(x => x.ContactPhone).MaximumLength(ServiceRequest.PhoneMaxLength);
        RuleFor(x => x.EnterpriseId).NotEmpty();
        RuleFor(x => x.CategoryId).NotEmpty();
        RuleFor(x => x.DepartmentId).NotEmpty();
        ServiceRequestFiles.Rules(RuleFor(x => x.Files));
    }
}

public sealed class LogServiceRequestHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider clock) : ICommandHandler<LogServiceRequest, ServiceRequestChanged>
{
    public async ValueTask<ServiceRequestChanged> Handle(LogServiceRequest command, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id == command.EnterpriseId && e.MergedIntoId == null)
            .Select(e => new
            {
                e.Id,
                Name = e.NameZh ?? e.NameEn ?? "",
                e.ServiceOfficerId,
                Landed = db.Projects.Any(p => p.EnterpriseId == e.Id && p.Stage >= ProjectStage.Registered && p.Stage <= ProjectStage.AtCapacity),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Enterprise", command.EnterpriseId);
        if (!enterprise.Landed)
        {
            throw new DomainRuleException(M.ServiceNotLanded.Code, $"{enterprise.Name} has not landed.") { Args = new Dictionary<string, object?> { ["enterprise"] = enterprise.Name } };
        }

        var days = await db.ServiceCategories.AsNoTracking().Where(c => c.Id == command.CategoryId && c.IsActive).Select(c => (int?)c.DeadlineDays).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException(M.ServiceCategoryInactive.Code, "That category does not exist or is retired.");
        if (!await db.Departments.AnyAsync(d => d.Id == command.DepartmentId && d.IsActive, cancellationToken))
        {
            throw new DomainRuleException(M.ServiceDepartmentInactive.Code, "That department does not exist or is inactive.");
        }

        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new ServiceRequest(enterprise.Id, command.CategoryId, command.DepartmentId, command.Description, command.ContactName, command.ContactPhone, enterprise.ServiceOfficerId, me, now, now.AddDays(days));
        db.ServiceRequests.Add(request);
        var stored = await ServiceRequestFiles.StoreAsync(db, store, request.Id, command.Files ?? [], me, now, cancellationToken);
        await ServiceRequestFiles.SaveOrDiscardAsync(db, store, stored, cancellationToken);
        return new ServiceRequestChanged(request.Id, request.Status, request.DepartmentId, request.Version);
    }
}
