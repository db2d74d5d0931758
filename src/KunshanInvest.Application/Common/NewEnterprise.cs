using FluentValidation;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Common;

/// <summary>An enterprise typed on the lead form or an import row, not yet in the register.</summary>
public sealed record NewEnterprise(string? NameZh, string? NameEn, string? CreditCode = null, string Country = "CN", Ownership Ownership = Ownership.Domestic);

public sealed class NewEnterpriseValidator : AbstractValidator<NewEnterprise>
{
    private const string TooLong = "名称过长 / The name is too long.";

    // NFKC can lengthen a name (e.g. "㈱" → "(株)"); the key column has the name's maximum length.
    private static bool FitsAsKey(string? name) => name is null || EnterpriseName.Key(name).Length <= Enterprise.NameMaxLength;

    public NewEnterpriseValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.NameZh) || !string.IsNullOrWhiteSpace(x.NameEn))
            .OverridePropertyName("nameZh")
            .WithMessage("企业需要中文名或英文名 / An enterprise needs a Chinese or an English name.");
        RuleFor(x => x.NameZh).MaximumLength(Enterprise.NameMaxLength).Must(FitsAsKey).WithMessage(TooLong);
        RuleFor(x => x.NameEn).MaximumLength(Enterprise.NameMaxLength).Must(FitsAsKey).WithMessage(TooLong);
        RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("国家/地区用两位大写代码,如 CN、US / Country is a two-letter code such as CN or US.");
        RuleFor(x => x.Ownership).IsInEnum();
        RuleFor(x => x.CreditCode).Custom(CreditCodeRule.Check);
    }
}
