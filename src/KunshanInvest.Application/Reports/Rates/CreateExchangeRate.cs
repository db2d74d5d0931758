using KunshanInvest.Application.Common.Messages;
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
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMsg(M.YearRange);
        RuleFor(x => x.Currency).Must(c => Currencies.IsSupported(c) && c != Currencies.Cny)
            .WithMsg(M.RateCurrency);
        RuleFor(x => x.CnyPerUnit).Must(RateRules.IsRate).WithMsg(M.RateValue);
    }
}

public sealed class CreateExchangeRateHandler(IAppDbContext db) : ICommandHandler<CreateExchangeRate, ExchangeRateDto>
{
    public async ValueTask<ExchangeRateDto> Handle(CreateExchangeRate command, CancellationToken cancellationToken)
    {
        if (await db.ExchangeRates.AnyAsync(r => r.Year == command.Year && r.Currency == command.Currency, cancellationToken))
        {
            throw new ConflictException(M.RateExists.With(("year", command.Year), ("currency", command.Currency)));
        }

        var rate = new ExchangeRate(command.Year, command.Currency, RateRules.ToMicros(command.CnyPerUnit));
        db.ExchangeRates.Add(rate);
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeRateDto.From(rate);
    }
}
