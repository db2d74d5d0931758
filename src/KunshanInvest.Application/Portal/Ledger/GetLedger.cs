using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

/// <summary>The whole ledger for managers and admins, optionally for one partner, newest first (at most 500 rows).</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record GetLedger(Guid? PartnerId = null) : IQuery<IReadOnlyList<LedgerEntry>>;

/// <summary>The caller's organisation's own entries (no project codes: those are the bureau's).</summary>
[AuthorizeRequest(Roles = Roles.Partner)]
public sealed record GetMyLedger : IQuery<IReadOnlyList<LedgerEntry>>;

public sealed class LedgerHandlers(IAppDbContext db, ICurrentUser user, IOptions<PortalOptions> options, TimeProvider clock)
    : IQueryHandler<GetLedger, IReadOnlyList<LedgerEntry>>, IQueryHandler<GetMyLedger, IReadOnlyList<LedgerEntry>>
{
    public const int MaxRows = 500;

    public async ValueTask<IReadOnlyList<LedgerEntry>> Handle(GetLedger query, CancellationToken cancellationToken) =>
        await EntriesAsync(query.PartnerId, forPartner: false, cancellationToken);

    public async ValueTask<IReadOnlyList<LedgerEntry>> Handle(GetMyLedger query, CancellationToken cancellationToken)
    {
        var membership = await PartnerAccess.RequireApprovedAsync(db, user, cancellationToken);
        return await EntriesAsync(membership.PartnerId, forPartner: true, cancellationToken);
    }

    private async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(Guid? partnerId, bool forPartner, CancellationToken cancellationToken)
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
        var days = options.Value.AttributionLapseDays;
        return [.. rows.Select(r =>
        {
            var state = AttributionRules.StateAt(r.ReportedAtUtc, r.StageEnteredAtUtc, r.LapsedAtUtc, r.VoidedAtUtc, days, now);
            var rate = options.Value.RateFor(r.Type);
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
