using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Rates;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListExchangeRates : IQuery<IReadOnlyList<ExchangeRateDto>>;

public sealed class ListExchangeRatesHandler(IAppDbContext db) : IQueryHandler<ListExchangeRates, IReadOnlyList<ExchangeRateDto>>
{
    public async ValueTask<IReadOnlyList<ExchangeRateDto>> Handle(ListExchangeRates query, CancellationToken cancellationToken)
    {
        var rates = await db.ExchangeRates.AsNoTracking().OrderByDescending(r => r.Year).ThenBy(r => r.Currency).ToListAsync(cancellationToken);
        return [.. rates.Select(ExchangeRateDto.From)];
    }
}
