using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects;

/// <summary>
/// Project codes run per year (KS-2026-00042). Two saves at once may pick the same codes; the unique index refuses the
/// second, which then takes the next free ones and tries again.
/// </summary>
internal static class ProjectCodes
{
    private const int Attempts = 5;

    /// <summary>The next <paramref name="count"/> codes of <paramref name="year"/>, after the highest one saved (one query).</summary>
    public static async Task<IReadOnlyList<string>> NextAsync(IAppDbContext db, int year, int count, CancellationToken cancellationToken)
    {
        var prefix = $"KS-{year}-";

        // A range rather than StartsWith: SQLite's LIKE is case-insensitive and PostgreSQL's needs a C collation, so
        // either would scan every code; "KS-2026-" ≤ code < "KS-2026." seeks the unique index on Code.
        var end = $"KS-{year}.";
        var last = await db.Projects.AsNoTracking()
            .Where(p => string.Compare(p.Code, prefix) >= 0 && string.Compare(p.Code, end) < 0)
            .OrderByDescending(p => p.Code)
            .Select(p => p.Code)
            .FirstOrDefaultAsync(cancellationToken);
        var next = last is not null && int.TryParse(last.AsSpan(prefix.Length), out var n) ? n + 1 : 1;
        return [.. Enumerable.Range(next, count).Select(i => $"{prefix}{i:00000}")];
    }

    public static async Task<string> NextAsync(IAppDbContext db, int year, CancellationToken cancellationToken) =>
        (await NextAsync(db, year, 1, cancellationToken))[0];

    /// <summary>Saves the unit of work; when one of <paramref name="projects"/>' codes was taken meanwhile, renumbers them all and saves again.</summary>
    public static async Task SaveAsync(IAppDbContext db, IReadOnlyList<InvestmentProject> projects, int year, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts && projects.Count > 0)
            {
                var codes = projects.Select(p => p.Code).ToList();
                if (!await db.Projects.AsNoTracking().AnyAsync(p => codes.Contains(p.Code), cancellationToken))
                {
                    throw;
                }

                var fresh = await NextAsync(db, year, projects.Count, cancellationToken);
                for (var i = 0; i < projects.Count; i++)
                {
                    projects[i].Renumber(fresh[i]);
                }
            }
        }
    }
}
