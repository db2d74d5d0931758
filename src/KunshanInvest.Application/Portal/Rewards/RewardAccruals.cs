using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>
/// Accruals derived in SQL from verified figures (docs/adr/0027): held attributions × verified 到位资金 / 实际使用外资
/// entries of their projects × the partner type's rate. A superseded entry is no longer Verified, so it drops out and
/// its verified correction counts instead; a lapsed or void attribution earns nothing. The arithmetic is
/// <see cref="RewardRules"/>' integer form, so a list row, a balance and the domain rule agree to the fen.
/// </summary>
internal static class RewardAccruals
{
    public const int MaxRows = 500;
    private const long Scale = RewardRules.PpmScale;
    private const long Half = RewardRules.PpmScale / 2;

    internal sealed class Row
    {
        public Guid FigureEntryId { get; init; }
        public Guid AttributionId { get; init; }
        public Guid PartnerId { get; init; }
        public Guid ProjectId { get; init; }
        public FigureKind Kind { get; init; }
        public int Period { get; init; }
        public long Value { get; init; }
        public long? BaseFen { get; init; }
        public long RatePpm { get; init; }
        public long? RewardFen { get; init; }
        public DateTime? VerifiedAtUtc { get; init; }
    }

    public static IQueryable<Row> Rows(IAppDbContext db, PortalOptions options, DateTime nowUtc)
    {
        var intermediary = RewardRules.RatePpm(options.RateFor(PartnerType.Intermediary));
        var chamber = RewardRules.RatePpm(options.RateFor(PartnerType.ChamberOfCommerce));
        var overseas = RewardRules.RatePpm(options.RateFor(PartnerType.OverseasOffice));
        var referring = RewardRules.RatePpm(options.RateFor(PartnerType.ReferringEnterprise));
        var rows =
            from a in AttributionQueries.Live(db, options.AttributionLapseDays, nowUtc)
            join partner in db.Partners on a.PartnerId equals partner.Id
            join f in db.FigureEntries on a.ProjectId equals (Guid?)f.ProjectId
            where f.Status == FigureStatus.Verified && (f.Kind == FigureKind.FundsInPlace || f.Kind == FigureKind.ForeignCapitalUsed)
            join usd in db.ExchangeRates.Where(r => r.Currency == "USD") on f.Period / 100 equals usd.Year into usdRates
            from usd in usdRates.DefaultIfEmpty()
            select new
            {
                FigureEntryId = f.Id,
                AttributionId = a.Id,
                a.PartnerId,
                f.ProjectId,
                f.Kind,
                f.Period,
                f.Value,
                f.CheckedAtUtc,
                BaseFen = f.Kind == FigureKind.FundsInPlace
                    ? (long?)f.Value
                    : usd == null ? null : (f.Value / Scale * usd.CnyPerUnitMicros) + (((f.Value % Scale * usd.CnyPerUnitMicros) + Half) / Scale),
                RatePpm = partner.Type == PartnerType.Intermediary ? intermediary
                    : partner.Type == PartnerType.ChamberOfCommerce ? chamber
                    : partner.Type == PartnerType.OverseasOffice ? overseas
                    : referring,
            };
        return rows.Select(r => new Row
        {
            FigureEntryId = r.FigureEntryId,
            AttributionId = r.AttributionId,
            PartnerId = r.PartnerId,
            ProjectId = r.ProjectId,
            Kind = r.Kind,
            Period = r.Period,
            Value = r.Value,
            BaseFen = r.BaseFen,
            RatePpm = r.RatePpm,
            RewardFen = (r.BaseFen / Scale * r.RatePpm) + (((r.BaseFen % Scale * r.RatePpm) + Half) / Scale),
            VerifiedAtUtc = r.CheckedAtUtc,
        });
    }

    /// <summary>The ledger of one partner (or all): balances, the newest accruals and payouts; a partner's view hides the bureau's columns.</summary>
    public static async Task<RewardLedgerView> ViewAsync(IAppDbContext db, PortalOptions options, DateTime nowUtc, Guid? partnerId, bool forPartner, CancellationToken cancellationToken, int take = MaxRows)
    {
        var rows = Rows(db, options, nowUtc).Where(r => partnerId == null || r.PartnerId == partnerId);
        var accrued = await rows.GroupBy(r => r.PartnerId)
            .Select(g => new { PartnerId = g.Key, Accrued = g.Sum(r => r.RewardFen ?? 0), Missing = g.Count(r => r.BaseFen == null) })
            .ToListAsync(cancellationToken);
        var paidOut = await db.RewardPayouts.AsNoTracking()
            .Where(p => partnerId == null || p.PartnerId == partnerId)
            .GroupBy(p => new { p.PartnerId, p.Status })
            .Select(g => new { g.Key.PartnerId, g.Key.Status, Amount = g.Sum(p => p.AmountFen) })
            .ToListAsync(cancellationToken);
        var partnerIds = accrued.Select(a => a.PartnerId).Concat(paidOut.Select(p => p.PartnerId)).Append(partnerId ?? Guid.Empty).ToHashSet();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.NameZh, p.Type }).ToDictionaryAsync(p => p.Id, cancellationToken);

        var balances = partners.Values.OrderBy(p => p.NameZh, StringComparer.Ordinal).Select(p =>
        {
            var a = accrued.SingleOrDefault(x => x.PartnerId == p.Id);
            long Sum(PayoutStatus status) => paidOut.Where(x => x.PartnerId == p.Id && x.Status == status).Sum(x => x.Amount);
            var (proposed, approved, paid) = (Sum(PayoutStatus.Proposed), Sum(PayoutStatus.Approved), Sum(PayoutStatus.Paid));
            var total = a?.Accrued ?? 0;
            return new RewardBalance(forPartner ? null : p.Id, forPartner ? null : p.NameZh, p.Type, RewardRules.RatePpm(options.RateFor(p.Type)),
                total, proposed, approved, paid, total - approved - paid, a?.Missing ?? 0);
        }).ToList();

        var accruals = await (
                from r in rows
                join a in db.Attributions on r.AttributionId equals a.Id
                join s in db.Submissions on a.SubmissionId equals s.Id
                join partner in db.Partners on r.PartnerId equals partner.Id
                join project in db.Projects on r.ProjectId equals project.Id
                orderby r.Period descending, r.VerifiedAtUtc descending
                select new RewardAccrual(r.FigureEntryId, r.AttributionId, forPartner ? null : r.PartnerId, forPartner ? null : partner.NameZh,
                    forPartner ? null : project.Code, s.EnterpriseNameZh ?? s.EnterpriseNameEn ?? "", r.Kind, r.Period, r.Value, r.BaseFen, r.RatePpm, r.RewardFen, r.VerifiedAtUtc))
            .Take(take)
            .ToListAsync(cancellationToken);

        var payouts = await (
                from p in db.RewardPayouts.AsNoTracking()
                join partner in db.Partners on p.PartnerId equals partner.Id
                where partnerId == null || p.PartnerId == partnerId
                orderby p.RequestedAtUtc descending
                select new RewardPayoutDto(p.Id, forPartner ? null : p.PartnerId, forPartner ? null : partner.NameZh, p.AmountFen, p.PeriodFrom, p.PeriodTo,
                    p.Status, p.RequestedAtUtc, p.ApprovedAtUtc, p.PaidAtUtc, p.Reference, forPartner ? null : p.Note, p.Version))
            .Take(take)
            .ToListAsync(cancellationToken);

        return new RewardLedgerView(balances, accruals, payouts);
    }

    /// <summary>
    /// One partner's accrued total and committed payouts (approved + paid) and proposals, for the balance checks;
    /// <paramref name="except"/> leaves out the payout being decided, so a racing approval of that same payout loses on
    /// its version (409) rather than on a balance it already took.
    /// </summary>
    public static async Task<(long Accrued, long Committed, long Proposed)> BalanceAsync(IAppDbContext db, PortalOptions options, DateTime nowUtc, Guid partnerId, CancellationToken cancellationToken, Guid? except = null)
    {
        var accrued = await Rows(db, options, nowUtc).Where(r => r.PartnerId == partnerId).SumAsync(r => r.RewardFen ?? 0, cancellationToken);
        var payouts = await db.RewardPayouts.AsNoTracking().Where(p => p.PartnerId == partnerId && p.Id != except)
            .GroupBy(p => p.Status).Select(g => new { Status = g.Key, Amount = g.Sum(p => p.AmountFen) })
            .ToListAsync(cancellationToken);
        return (accrued, payouts.Where(p => p.Status != PayoutStatus.Proposed).Sum(p => p.Amount), payouts.Where(p => p.Status == PayoutStatus.Proposed).Sum(p => p.Amount));
    }
}
