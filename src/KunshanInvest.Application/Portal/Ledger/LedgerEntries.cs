using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Ledger;

/// <summary>One 首报 entry: who reported which enterprise when, whether it still holds, and the reward it earns.</summary>
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
                    FundsInPlaceFen = p == null ? null : p.FundsInPlaceFen,
                })
            .Take(MaxRows)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var days = options.AttributionLapseDays;
        return [.. rows.Select(r =>
        {
            var state = AttributionRules.StateAt(r.ReportedAtUtc, r.StageEnteredAtUtc, r.LapsedAtUtc, r.VoidedAtUtc, days, now);
            var rate = options.RateFor(r.Type);
            return new LedgerEntry(
                r.Id,
                r.Reference,
                r.EnterpriseNameZh ?? r.EnterpriseNameEn ?? "",
                r.ReportedAtUtc,
                state,
                r.FundsInPlaceFen,
                rate,
                AttributionRules.Reward(state, r.FundsInPlaceFen, rate),
                forPartner ? null : r.PartnerId,
                forPartner ? null : r.PartnerName,
                forPartner ? null : r.Type,
                forPartner ? null : r.ProjectCode,
                r.Stage);
        })];
    }
}
