using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Portal.Triage;

internal static class TrackedQueryExtensions
{
    /// <summary>Loads the (few) matching entities tracked and applies <paramref name="change"/> to each; saved with the unit of work.</summary>
    public static async Task ForEachTrackedAsync<T>(this IQueryable<T> query, Action<T> change, CancellationToken cancellationToken)
    {
        foreach (var entity in await query.ToListAsync(cancellationToken))
        {
            change(entity);
        }
    }
}
