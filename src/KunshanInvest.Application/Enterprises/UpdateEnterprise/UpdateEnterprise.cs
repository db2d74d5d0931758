using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.GetEnterprise;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Enterprises.UpdateEnterprise;

/// <summary>Staff edit an enterprise they last read at <paramref name="Version"/> (If-Match); a stale version is a 409.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UpdateEnterprise(
    Guid Id,
    int Version,
    string? NameZh,
    string? NameEn,
    string? CreditCode,
    string Country,
    Ownership Ownership,
    bool Fortune500 = false,
    bool Listed = false,
    string? Website = null,
    string? Note = null,
    bool ConfirmNotDuplicate = false,
    StatisticsType? StatisticsType = null) : ICommand<EnterpriseDetail>, IEnterpriseFields;

public sealed class UpdateEnterpriseValidator : AbstractValidator<UpdateEnterprise>
{
    public UpdateEnterpriseValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        this.AddEnterpriseFieldRules();
    }
}

public sealed class UpdateEnterpriseHandler(IAppDbContext db) : ICommandHandler<UpdateEnterprise, EnterpriseDetail>
{
    public async ValueTask<EnterpriseDetail> Handle(UpdateEnterprise command, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Enterprise), command.Id);
        if (enterprise.MergedIntoId is not null)
        {
            throw M.EnterpriseMerged.Rule();
        }

        db.ExpectVersion(enterprise, command.Version);

        // Only a change of name or code can create a duplicate; re-asking for confirmation on every edit of a
        // knowingly kept same-name pair (e.g. a website fix) would train officers to tick the box blindly.
        var (zhKey, enKey, code) = (enterprise.NameZhKey, enterprise.NameEnKey, enterprise.CreditCode);
        command.ApplyTo(enterprise);
        if (enterprise.NameZhKey != zhKey || enterprise.NameEnKey != enKey || enterprise.CreditCode != code)
        {
            await command.EnsureNotDuplicateAsync(db, exceptId: enterprise.Id, cancellationToken);
        }

        await EnterpriseFields.SaveAsync(db, enterprise, cancellationToken);
        return (await EnterpriseDetails.LoadAsync(db, enterprise.Id, cancellationToken))!;
    }
}
