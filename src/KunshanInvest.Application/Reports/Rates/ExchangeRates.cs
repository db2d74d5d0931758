using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Rates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Rates;

// The Admin's yearly exchange rates (CNY per unit of a currency), which every report converts with. A rate is
// entered as a decimal (7.12) and stored as micros (7 120 000) so conversion stays in integers.

public sealed record ExchangeRateDto(Guid Id, int Version, int Year, string Currency, decimal CnyPerUnit, bool IsDemo)
{
    public static ExchangeRateDto From(ExchangeRate r) => new(r.Id, r.Version, r.Year, r.Currency, (decimal)r.CnyPerUnitMicros / ExchangeRate.Scale, r.IsDemo);
}

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListExchangeRates : IQuery<IReadOnlyList<ExchangeRateDto>>;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateExchangeRate(int Year, string Currency, decimal CnyPerUnit) : ICommand<ExchangeRateDto>;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateExchangeRate(Guid Id, int Version, decimal CnyPerUnit) : ICommand<ExchangeRateDto>;

internal static class RateRules
{
    /// <summary>From a won or a rupiah (0.000001) to far above any currency (10 000 CNY per unit).</summary>
    public const decimal Min = 0.000001m;
    public const decimal Max = 10_000m;
    public const string RateMessage = "汇率须在 0.000001 至 10000 之间,最多 6 位小数 / A rate lies between 0.000001 and 10000 with at most 6 decimals.";

    public static bool IsRate(decimal value) => value is >= Min and <= Max && decimal.Round(value, 6) == value;

    public static long ToMicros(decimal value) => (long)(value * ExchangeRate.Scale);
}

public sealed class CreateExchangeRateValidator : AbstractValidator<CreateExchangeRate>
{
    public CreateExchangeRateValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("年度须在 2000–2100 之间 / The year must lie between 2000 and 2100.");
        RuleFor(x => x.Currency).Must(c => Money.IsCurrencyCode(c) && c != "CNY")
            .WithMessage("币种用三位大写代码(人民币无需汇率),如 USD / A three-letter currency code other than CNY, such as USD.");
        RuleFor(x => x.CnyPerUnit).Must(RateRules.IsRate).WithMessage(RateRules.RateMessage);
    }
}

public sealed class UpdateExchangeRateValidator : AbstractValidator<UpdateExchangeRate>
{
    public UpdateExchangeRateValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.CnyPerUnit).Must(RateRules.IsRate).WithMessage(RateRules.RateMessage);
    }
}

public sealed class ListExchangeRatesHandler(IAppDbContext db) : IQueryHandler<ListExchangeRates, IReadOnlyList<ExchangeRateDto>>
{
    public async ValueTask<IReadOnlyList<ExchangeRateDto>> Handle(ListExchangeRates query, CancellationToken cancellationToken)
    {
        var rates = await db.ExchangeRates.AsNoTracking().OrderByDescending(r => r.Year).ThenBy(r => r.Currency).ToListAsync(cancellationToken);
        return [.. rates.Select(ExchangeRateDto.From)];
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

public sealed class UpdateExchangeRateHandler(IAppDbContext db) : ICommandHandler<UpdateExchangeRate, ExchangeRateDto>
{
    public async ValueTask<ExchangeRateDto> Handle(UpdateExchangeRate command, CancellationToken cancellationToken)
    {
        var rate = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(ExchangeRate), command.Id);
        db.ExpectVersion(rate, command.Version);
        rate.Revise(RateRules.ToMicros(command.CnyPerUnit));
        await db.SaveChangesAsync(cancellationToken);
        return ExchangeRateDto.From(rate);
    }
}
