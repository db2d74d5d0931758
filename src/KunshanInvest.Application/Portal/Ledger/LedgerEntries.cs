using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Ledger;

/// <summary>
/// One 首报 entry: who reported which enterprise when, whether it still holds, the project's verified 到位资金 (fen) and the
/// reward accrued on its verified figures (<see cref="Rewards.RewardAccruals"/>).
/// </summary>
public sealed record LedgerEntry(
    Guid Id,
    string Reference,
    string EnterpriseName,
    DateTime ReportedAtUtc,
    AttributionState State,
    long? FundsInPlaceFen,
    decimal Rate,
    long RewardFen,
    Guid? PartnerId,
    string? PartnerName,
    PartnerType? PartnerType,
    string? ProjectCode,
    ProjectStage? Stage);

internal static class LedgerEntries
{
    public const int MaxRows = 500;

    /// <summary>The entries of one partner (or all when <paramref name="partnerId"/> is null); a partner's own view hides the bureau's columns.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(IAppDbContext db, PortalOptions options, TimeProvider clock, Guid? partnerId, bool forPartner, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in db.Attributions.AsNoTracking()
                join partner in db.Partners on a.PartnerId equals partner.Id
                join s in db.Submissions on a.SubmissionId equals s.Id
                from p in db.Projects.Where(p => p.Id == a.ProjectId).DefaultIfEmpty()
                where partnerId == null || a.PartnerId == partnerId
                orderby a.ReportedAtUtc descending
                select new
                {
                    a.Id,
                    s.Reference,
                    s.EnterpriseNameZh,
                    s.EnterpriseNameEn,
                    a.ReportedAtUtc,
                    a.LapsedAtUtc,
                    a.VoidedAtUtc,
                    a.PartnerId,
                    PartnerName = partner.NameZh,
                    partner.Type,
                    ProjectCode = p == null ? null : p.Code,
                    Stage = p == null ? (ProjectStage?)null : p.Stage,
                    StageEnteredAtUtc = p == null ? (DateTime?)null : p.StageEnteredAtUtc,
                    FundsInPlaceFen = db.FigureEntries
                        .Where(f => f.ProjectId == a.ProjectId && f.Status == FigureStatus.Verified && f.Kind == FigureKind.FundsInPlace)
                        .Sum(f => (long?)f.Value),
                    FrozenAtUtc = a.FrozenAtUtc ?? db.StageChanges
                        .Where(c => c.ProjectId == a.ProjectId && c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity)
                        .Min(c => (DateTime?)c.AtUtc),
                })
            .Take(MaxRows)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var ids = rows.Select(r => r.Id).ToList();
        var rewards = await Rewards.RewardAccruals.Rows(db, options, now)
            .Where(r => ids.Contains(r.AttributionId))
            .GroupBy(r => r.AttributionId)
            .Select(g => new { AttributionId = g.Key, Reward = g.Sum(r => r.RewardFen ?? 0) })
            .ToDictionaryAsync(r => r.AttributionId, r => r.Reward, cancellationToken);
        var days = options.AttributionLapseDays;
        return [.. rows.Select(r =>
        {
            var state = AttributionRules.StateAt(r.ReportedAtUtc, r.StageEnteredAtUtc, r.LapsedAtUtc, r.VoidedAtUtc, r.FrozenAtUtc, days, now);
            var rate = options.RateFor(r.Type);
            return new LedgerEntry(
                r.Id,
                r.Reference,
                r.EnterpriseNameZh ?? r.EnterpriseNameEn ?? "",
                r.ReportedAtUtc,
                state,
                r.FundsInPlaceFen,
                rate,
                state == AttributionState.Active ? rewards.GetValueOrDefault(r.Id) : 0,
                forPartner ? null : r.PartnerId,
                forPartner ? null : r.PartnerName,
                forPartner ? null : r.Type,
                forPartner ? null : r.ProjectCode,
                r.Stage);
        })];
    }
}
