using System.Globalization;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal.Rewards;

internal static class PayoutBalance
{
    /// <summary>A payout above the unpaid balance is refused (422), naming both amounts in yuan.</summary>
    public static void EnsureWithin(long amountFen, long balanceFen)
    {
        if (amountFen > balanceFen)
        {
            throw new DomainRuleException("payout.over_balance", $"The payout of {amountFen} fen exceeds the unpaid balance of {balanceFen} fen.")
            {
                Args = new Dictionary<string, object?> { ["amount"] = Yuan(amountFen), ["balance"] = Yuan(Math.Max(0, balanceFen)) },
            };
        }
    }

    public static string Yuan(long fen) => (fen / 100m).ToString("N2", CultureInfo.InvariantCulture);

    public static RewardPayoutDto Dto(RewardPayout p, string partnerName) =>
        new(p.Id, p.PartnerId, partnerName, p.AmountFen, p.PeriodFrom, p.PeriodTo, p.Status, p.RequestedAtUtc, p.ApprovedAtUtc, p.PaidAtUtc, p.Reference, p.Note, p.Version);
}
