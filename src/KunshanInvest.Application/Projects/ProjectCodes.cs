using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Projects;

/// <summary>
/// Project codes run per year (KS-2026-00042), numbered by the per-year counter (<see cref="IProjectCodeAllocator"/>,
/// ADR 0020): concurrent saves take different numbers, so none has to retry. The unique index on Code stays the last
/// word; when it refuses a code that was written without the counter (demo seed, old data), the counter is moved past
/// the highest saved code and the projects are renumbered, a bounded number of times.
/// </summary>
internal static class ProjectCodes
{
    private const int Attempts = 3;

    public static string Format(int year, int number) => $"KS-{year}-{number:00000}";

    /// <summary>The next <paramref name="count"/> codes of <paramref name="year"/>, reserved (one statement).</summary>
    public static async Task<IReadOnlyList<string>> NextAsync(IProjectCodeAllocator codes, int year, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        var first = await codes.ReserveAsync(year, count, cancellationToken);
        return [.. Enumerable.Range(first, count).Select(i => Format(year, i))];
    }

    public static async Task<string> NextAsync(IProjectCodeAllocator codes, int year, CancellationToken cancellationToken) =>
        (await NextAsync(codes, year, 1, cancellationToken))[0];

    /// <summary>
    /// Saves the unit of work; when one of <paramref name="projects"/>' codes turns out to be taken (written outside
    /// the counter), moves the counter past the saved codes, renumbers them all and saves again.
    /// </summary>
    public static async Task SaveAsync(IAppDbContext db, IProjectCodeAllocator codes, IReadOnlyList<InvestmentProject> projects, int year, CancellationToken cancellationToken)
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
                var taken = projects.Select(p => p.Code).ToList();
                if (!await db.Projects.AsNoTracking().AnyAsync(p => taken.Contains(p.Code), cancellationToken))
                {
                    throw;
                }

                await codes.CatchUpAsync(year, cancellationToken);
                var fresh = await NextAsync(codes, year, projects.Count, cancellationToken);
                for (var i = 0; i < projects.Count; i++)
                {
                    projects[i].Renumber(fresh[i]);
                }
            }
        }
    }
}
