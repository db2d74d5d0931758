using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.CreateServiceCategory;

/// <summary>An Admin adds a service request category with the days a request of it has to be closed.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateServiceCategory(string Code, string NameZh, string NameEn, int DeadlineDays) : ICommand<ServiceCategoryDto>;

public sealed class CreateServiceCategoryValidator : AbstractValidator<CreateServiceCategory>
{
    public CreateServiceCategoryValidator()
    {
        this.AddCodeRule(x => x.Code, ServiceCategory.CodeMaxLength);
        this.AddNameRules(x => x.NameZh, x => x.NameEn, ServiceCategory.NameMaxLength);
        RuleFor(x => x.DeadlineDays).InclusiveBetween(1, ServiceCategory.MaxDeadlineDays).WithMsg(M.ServiceDeadlineDays);
    }
}

public sealed class CreateServiceCategoryHandler(IAppDbContext db) : ICommandHandler<CreateServiceCategory, ServiceCategoryDto>
{
    public async ValueTask<ServiceCategoryDto> Handle(CreateServiceCategory command, CancellationToken cancellationToken)
    {
        if (await db.ServiceCategories.AnyAsync(c => c.Code == command.Code, cancellationToken))
        {
            throw new ConflictException(M.CodeTaken.With(("code", command.Code)));
        }

        var category = new ServiceCategory(command.Code, command.NameZh, command.NameEn, command.DeadlineDays);
        db.ServiceCategories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceCatalogFields.From(category);
    }
}
