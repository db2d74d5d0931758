using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.Duplicates;

/// <summary>An existing enterprise that looks like the one being entered, and why.</summary>
public sealed record DuplicateCandidate(Guid Id, string? NameZh, string? NameEn, string? CreditCode, string Reason);

/// <summary>
/// Duplicate detection on entry: the same credit code, or the same name once normalised
/// (<see cref="EnterpriseName.Key"/>), compared across the Chinese and the English names. One SQL query.
/// </summary>
public static class EnterpriseDuplicates
{
    public const string SameCreditCode = "sameCreditCode";
    public const string SameName = "sameName";

    public static async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(IAppDbContext db, string? nameZh, string? nameEn, string? creditCode, Guid? exceptId, CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(creditCode) ? null : CreditCode.Normalize(creditCode);
        var keys = new[] { nameZh, nameEn }
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => EnterpriseName.Key(n!))
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (code is null && keys.Count == 0)
        {
            return [];
        }

        var matches = await db.Enterprises.AsNoTracking()
            .Where(e => e.MergedIntoId == null && (exceptId == null || e.Id != exceptId))
            .Where(e => (code != null && e.CreditCode == code) || keys.Contains(e.NameZhKey!) || keys.Contains(e.NameEnKey!))
            .OrderBy(e => e.NameZh).ThenBy(e => e.NameEn)
            .Take(20)
            .Select(e => new { e.Id, e.NameZh, e.NameEn, e.CreditCode })
            .ToListAsync(cancellationToken);

        return [.. matches.Select(m => new DuplicateCandidate(m.Id, m.NameZh, m.NameEn, m.CreditCode, code != null && m.CreditCode == code ? SameCreditCode : SameName))];
    }
}
