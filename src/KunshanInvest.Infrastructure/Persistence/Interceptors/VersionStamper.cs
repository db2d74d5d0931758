using KunshanInvest.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Bumps a changed aggregate's <see cref="AggregateRoot.Version"/>, the concurrency token the UPDATE's WHERE clause
/// checks against its original value. A change only to <see cref="VersionNeutralAttribute"/> properties leaves it.
/// </summary>
internal static class VersionStamper
{
    public static void Stamp(EntityEntry entry)
    {
        if (entry is { State: EntityState.Modified, Entity: AggregateRoot } && ChangesVersionedState(entry))
        {
            var version = entry.Property(nameof(AggregateRoot.Version));
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }

    private static bool ChangesVersionedState(EntityEntry entry) =>
        entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
            .Any(p => p.IsModified && p.Metadata.PropertyInfo?.IsDefined(typeof(VersionNeutralAttribute), inherit: true) != true);
}
