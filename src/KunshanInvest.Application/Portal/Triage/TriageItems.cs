using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

internal static class TriageItems
{
    /// <summary>Submissions matching <paramref name="filter"/> with their partner, sector and duplicate-check match, oldest first.</summary>
    public static IQueryable<TriageItem> Items(IAppDbContext db, System.Linq.Expressions.Expression<Func<PartnerSubmission, bool>> filter) =>
        from s in db.Submissions.AsNoTracking().Where(filter)
        join partner in db.Partners on s.PartnerId equals partner.Id
        join sector in db.Sectors on s.SectorId equals sector.Id
        from e in db.Enterprises.Where(e => e.Id == s.MatchedEnterpriseId).DefaultIfEmpty()
        from p in db.Projects.Where(p => p.Id == s.MatchedProjectId).DefaultIfEmpty()
        orderby s.SubmittedAtUtc
        select new TriageItem(s.Id, s.Reference, s.EnterpriseNameZh ?? s.EnterpriseNameEn ?? "", partner.NameZh, sector.NameZh, sector.NameEn, s.Status, s.SubmittedAtUtc, s.AlreadyReported,
            s.MatchedEnterpriseId, e == null ? null : (e.NameZh ?? e.NameEn), s.MatchedProjectId, p == null ? null : p.Code);
}
