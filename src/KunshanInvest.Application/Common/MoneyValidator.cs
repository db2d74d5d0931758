using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Common;

namespace KunshanInvest.Application.Common;

public sealed class MoneyValidator : AbstractValidator<MoneyDto>
{
    /// <summary>CNY 10 trillion in fen: far above any single project, far below overflow in sums.</summary>
    public const long MaxMinorUnits = 1_000_000_000_000_000;

    public MoneyValidator()
    {
        RuleFor(x => x.MinorUnits).InclusiveBetween(0, MaxMinorUnits);
        RuleFor(x => x.Currency).Must(Currencies.IsSupported).WithMsg(M.Currency);
    }
}
