using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>Partner organisations for administrators, pending first (oldest registration first), with their member counts.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListPartners(PartnerStatus? Status = null) : IQuery<IReadOnlyList<PartnerSummary>>;

public sealed record PartnerSummary(Guid Id, string NameZh, string? NameEn, PartnerType Type, string Country, PartnerStatus Status, DateTime RegisteredAtUtc, int Members, int Submissions, int Version, DateTime? TypeConfirmedAtUtc = null);

public sealed class ListPartnersHandler(IAppDbContext db) : IQueryHandler<ListPartners, IReadOnlyList<PartnerSummary>>
{
    public async ValueTask<IReadOnlyList<PartnerSummary>> Handle(ListPartners query, CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking()
            .Where(p => query.Status == null || p.Status == query.Status)
            .OrderBy(p => p.Status).ThenBy(p => p.RegisteredAtUtc)
            .Take(500)
            .Select(p => new PartnerSummary(p.Id, p.NameZh, p.NameEn, p.Type, p.Country, p.Status, p.RegisteredAtUtc,
                db.PartnerMembers.Count(m => m.PartnerId == p.Id), db.Submissions.Count(s => s.PartnerId == p.Id), p.Version, p.TypeConfirmedAtUtc))
            .ToListAsync(cancellationToken);
}
