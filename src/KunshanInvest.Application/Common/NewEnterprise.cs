using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Common;

/// <summary>An enterprise typed on the lead form or an import row, not yet in the register.</summary>
public sealed record NewEnterprise(string? NameZh, string? NameEn, string? CreditCode = null, string Country = "CN", Ownership Ownership = Ownership.Domestic);

public sealed class NewEnterpriseValidator : AbstractValidator<NewEnterprise>
{
    // NFKC can lengthen a name (e.g. "㈱" → "(株)"); the key column has the name's maximum length.
    private static bool FitsAsKey(string? name) => name is null || EnterpriseName.Key(name).Length <= Enterprise.NameMaxLength;

    public NewEnterpriseValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.NameZh) || !string.IsNullOrWhiteSpace(x.NameEn))
            .OverridePropertyName("nameZh")
            .WithMsg(M.NeedsAName);
        RuleFor(x => x.NameZh).MaximumLength(Enterprise.NameMaxLength).Must(FitsAsKey).WithMsg(M.NameTooLong);
        RuleFor(x => x.NameEn).MaximumLength(Enterprise.NameMaxLength).Must(FitsAsKey).WithMsg(M.NameTooLong);
        RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMsg(M.EnterpriseCountry);
        RuleFor(x => x.Ownership).IsInEnum();
        RuleFor(x => x.CreditCode).Custom(CreditCodeRule.Check);
    }
}
