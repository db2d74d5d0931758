using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>Approving and suspending alike: change the status, tell every member, answer with the summary.</summary>
internal static class PartnerStatusChange
{
    public static async Task<PartnerSummary> ChangeAsync(IAppDbContext db, Notifier notifier, TimeProvider clock, Guid id, Action<Partner, DateTime> change, string kind, Msg title, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Partner", id);
        change(partner, clock.GetUtcNow().UtcDateTime);
        var members = await db.PartnerMembers.AsNoTracking().Where(m => m.PartnerId == id).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            notifier.Notify(member, kind, title.With(("partner", Bilingual.Of(partner.NameZh, partner.NameEn))), null, "/portal");
        }

        await db.SaveChangesAsync(cancellationToken);
        var counts = await db.Partners.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Submissions = db.Submissions.Count(s => s.PartnerId == p.Id) })
            .SingleAsync(cancellationToken);
        return new PartnerSummary(partner.Id, partner.NameZh, partner.NameEn, partner.Type, partner.Country, partner.Status, partner.RegisteredAtUtc, members.Count, counts.Submissions, partner.Version, partner.TypeConfirmedAtUtc);
    }
}
