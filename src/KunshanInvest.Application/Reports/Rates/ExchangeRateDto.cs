using KunshanInvest.Domain.Rates;

namespace KunshanInvest.Application.Reports.Rates;

// The Admin's yearly exchange rates (CNY per unit of a currency), which every report converts with. A rate is
// entered as a decimal (7.12) and stored as micros (7 120 000) so conversion stays in integers.

public sealed record ExchangeRateDto(Guid Id, int Version, int Year, string Currency, decimal CnyPerUnit, bool IsDemo)
{
    public static ExchangeRateDto From(ExchangeRate r) => new(r.Id, r.Version, r.Year, r.Currency, (decimal)r.CnyPerUnitMicros / ExchangeRate.Scale, r.IsDemo);
}
