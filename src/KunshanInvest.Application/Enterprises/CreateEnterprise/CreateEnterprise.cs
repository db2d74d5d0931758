using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.GetEnterprise;
using KunshanInvest.Domain.Enterprises;
using Mediator;

namespace KunshanInvest.Application.Enterprises.CreateEnterprise;

/// <summary>
/// Staff enter a company. A same-name enterprise answers 409 with the candidates until the officer confirms this is
/// another company; a same-credit-code one is refused whatever they confirm.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CreateEnterprise(
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

public sealed class CreateEnterpriseValidator : AbstractValidator<CreateEnterprise>
{
    public CreateEnterpriseValidator() => this.AddEnterpriseFieldRules();
}

public sealed class CreateEnterpriseHandler(IAppDbContext db) : ICommandHandler<CreateEnterprise, EnterpriseDetail>
{
    public async ValueTask<EnterpriseDetail> Handle(CreateEnterprise command, CancellationToken cancellationToken)
    {
        await command.EnsureNotDuplicateAsync(db, exceptId: null, cancellationToken);

        var enterprise = new Enterprise(command.NameZh, command.NameEn, command.Country, command.Ownership);
        command.ApplyTo(enterprise);
        db.Enterprises.Add(enterprise);
        await EnterpriseFields.SaveAsync(db, enterprise, cancellationToken);

        return (await EnterpriseDetails.LoadAsync(db, enterprise.Id, cancellationToken))!;
    }
}
