using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Admin.ServiceCatalog.UpdateServiceCategory;

/// <summary>
/// An Admin renames a category, changes its days (new requests only: a logged request keeps its deadline) or retires
/// it (it keeps its requests and takes no new ones), at the <paramref name="Version"/> last read (If-Match).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateServiceCategory(Guid Id, int Version, string NameZh, string NameEn, int DeadlineDays, bool IsActive) : ICommand<ServiceCategoryDto>;

public sealed class UpdateServiceCategoryValidator : AbstractValidator<UpdateServiceCategory>
{
    public UpdateServiceCategoryValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddNameRules(x => x.NameZh, x => x.NameEn, ServiceCategory.NameMaxLength);
        RuleFor(x => x.DeadlineDays).InclusiveBetween(1, ServiceCategory.MaxDeadlineDays).WithMsg(M.ServiceDeadlineDays);
    }
}

public sealed class UpdateServiceCategoryHandler(IAppDbContext db) : ICommandHandler<UpdateServiceCategory, ServiceCategoryDto>
{
    public async ValueTask<ServiceCategoryDto> Handle(UpdateServiceCategory command, CancellationToken cancellationToken)
    {
        var category = await db.ServiceCategories.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(ServiceCategory), command.Id);
        if (category.Version != command.Version)
        {
            throw new ConflictException(M.ChangedSinceVersion.With(("what", M.Things.Entity(nameof(ServiceCategory))), ("current", category.Version), ("version", command.Version)));
        }

        db.ExpectVersion(category, command.Version);
        category.Rename(command.NameZh, command.NameEn);
        category.SetDeadlineDays(command.DeadlineDays);
        category.Activate(command.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceCatalogFields.From(category);
    }
}
