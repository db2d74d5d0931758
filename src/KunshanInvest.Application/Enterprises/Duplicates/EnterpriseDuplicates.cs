using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Enterprises.Duplicates;

/// <summary>An existing enterprise that looks like the one being entered, and why.</summary>
public sealed record DuplicateCandidate(Guid Id, string? NameZh, string? NameEn, string? CreditCode, string Reason);

/// <summary>An existing enterprise with the keys it is matched on (see <see cref="EnterpriseDuplicates.FindAllAsync"/>).</summary>
public sealed record EnterpriseMatch(Guid Id, string? NameZh, string? NameEn, string? CreditCode, string? NameZhKey, string? NameEnKey)
{
    /// <summary>The keys of the enterprise's aliases (<see cref="EnterpriseAlias.Key"/>) that the search asked for.</summary>
    public IReadOnlyCollection<string> AliasKeys { get; init; } = [];

    /// <summary>Whether one of <paramref name="keys"/> is this enterprise's name key or one of its aliases' keys.</summary>
    public bool HasKey(IEnumerable<string> keys) =>
        keys.Any(k => k == NameZhKey || k == NameEnKey || AliasKeys.Contains(k));
}

/// <summary>
/// Duplicate detection on entry: the same credit code, or the same name once normalised
/// (<see cref="EnterpriseName.Key"/>), compared across the Chinese and the English names and the enterprise's aliases
/// (<see cref="EnterpriseAlias"/>: brand, abbreviation, former and English names). One SQL query.
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
            .Where(e => (code != null && e.CreditCode == code) || keys.Contains(e.NameZhKey!) || keys.Contains(e.NameEnKey!)
                || db.EnterpriseAliases.Any(a => a.EnterpriseId == e.Id && keys.Contains(a.Key)))
            .OrderBy(e => e.NameZh).ThenBy(e => e.NameEn)
            .Take(20)
            .Select(e => new { e.Id, e.NameZh, e.NameEn, e.CreditCode })
            .ToListAsync(cancellationToken);

        return [.. matches.Select(m => new DuplicateCandidate(m.Id, m.NameZh, m.NameEn, m.CreditCode, code != null && m.CreditCode == code ? SameCreditCode : SameName))];
    }

    /// <summary>Values per statement: EF 10 sends a list as one parameter per value, and SQL Server takes at most 2,100.</summary>
    private const int ValuesPerQuery = 500;

    /// <summary>
    /// The batch form of <see cref="FindAsync"/> for a whole import file: every live enterprise with one of the
    /// normalised credit codes or name keys, in one query per <see cref="ValuesPerQuery"/> values — never one per row.
    /// </summary>
    public static async Task<IReadOnlyList<EnterpriseMatch>> FindAllAsync(IAppDbContext db, IReadOnlyCollection<string> creditCodes, IReadOnlyCollection<string> nameKeys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, EnterpriseMatch>();
        var live = db.Enterprises.AsNoTracking().Where(e => e.MergedIntoId == null);
        foreach (var codes in creditCodes.Distinct(StringComparer.Ordinal).Chunk(ValuesPerQuery))
        {
            Add(await Select(live.Where(e => codes.Contains(e.CreditCode!))).ToListAsync(cancellationToken));
        }

        foreach (var keys in nameKeys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Chunk(ValuesPerQuery))
        {
            Add(await Select(live.Where(e => keys.Contains(e.NameZhKey!) || keys.Contains(e.NameEnKey!)
                || db.EnterpriseAliases.Any(a => a.EnterpriseId == e.Id && keys.Contains(a.Key)))).ToListAsync(cancellationToken));

            // The aliases that matched, so the caller can tell which row named which enterprise.
            var aliases = await db.EnterpriseAliases.AsNoTracking()
                .Where(a => keys.Contains(a.Key))
                .Select(a => new { a.EnterpriseId, a.Key })
                .ToListAsync(cancellationToken);
            foreach (var group in aliases.GroupBy(a => a.EnterpriseId))
            {
                if (found.TryGetValue(group.Key, out var match))
                {
                    found[group.Key] = match with { AliasKeys = [.. match.AliasKeys.Union(group.Select(a => a.Key), StringComparer.Ordinal)] };
                }
            }
        }

        return [.. found.Values];

        void Add(List<EnterpriseMatch> matches)
        {
            foreach (var match in matches)
            {
                found.TryAdd(match.Id, match);
            }
        }

        static IQueryable<EnterpriseMatch> Select(IQueryable<Enterprise> query) =>
            query.Select(e => new EnterpriseMatch(e.Id, e.NameZh, e.NameEn, e.CreditCode, e.NameZhKey, e.NameEnKey));
    }
}
