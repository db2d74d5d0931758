using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Rates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Rates;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateExchangeRate(int Year, string Currency, decimal CnyPerUnit) : ICommand<ExchangeRateDto>;

public sealed class CreateExchangeRateValidator : AbstractValidator<CreateExchangeRate>
{
    public CreateExchangeRateValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("年度须在 2000–2100 之间 / The year must lie between 2000 and 2100.");
        RuleFor(x => x.Currency).Must(c => Currencies.IsSupported(c) && c != Currencies.Cny)
            .WithMessage("币种用三位大写代码(人民币无需汇率),如 USD / A three-letter currency code other than CNY, such as USD.");
        RuleFor(x => x.CnyPerUnit).Must(RateRules.IsRate).WithMessage(RateRules.RateMessage);
    }
}

public sealed class CreateExchangeRateHandler(IAppDbContext db) : ICommandHandler<CreateExchangeRate, ExchangeRateDto>
{
    public async ValueTask<ExchangeRateDto> Handle(CreateExchangeRate command, CancellationToken cancellationToken)
    {
        if (await db.ExchangeRates.AnyAsync(r => r.Year == command.Year && r.Currency == command.Currency, cancellationToken))
        {
            throw new ConflictException($"{command.Year} 年 {command.Currency} 汇率已存在,请修改原汇率 / The {command.Year} {command.Currency} rate exists already: revise it instead.");
        }

        var rate = new ExchangeRate(command.Year, command.Currency, RateRules.ToMicros(command.CnyPerUnit));
        db.ExchangeRates.Add(rate);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeRateDto.From(rate);
    }
}
