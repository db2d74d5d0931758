using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KunshanInvest.Infrastructure.Persistence;

/// <summary>
/// The database records migrations this build does not have: it was made before the migrations were squashed into
/// one <c>Initial</c> (ADR 0026). Nothing was changed; the message says how to recreate it.
/// </summary>
public sealed class DatabaseFromOlderBuildException(IReadOnlyList<string> unknownMigrations)
    : InvalidOperationException(
        $"The database records {unknownMigrations.Count} migration(s) this build does not know ({string.Join(", ", unknownMigrations.Take(3))}{(unknownMigrations.Count > 3 ? ", …" : "")}): " +
        "it was created before the migrations were squashed into one Initial (docs/adr/0026). Recreate it: delete the SQLite file " +
        "(data/kunshaninvest.db and its -wal/-shm files) or drop the server database, then start again; in Development the app does this itself.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}

/// <summary>Applies pending migrations, refusing (or, when asked, recreating) a database from before the squash.</summary>
public static class DatabaseMigrator
{
    /// <returns>True when a database from before the squash was dropped and created again.</returns>
    public static async Task<bool> MigrateAsync(DbContext db, bool recreateOlderDatabase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unknown = await UnknownMigrationsAsync(db, cancellationToken);
        var recreated = false;
        if (unknown.Count > 0)
        {
            if (!recreateOlderDatabase)
            {
                throw new DatabaseFromOlderBuildException(unknown);
            }

            await db.Database.EnsureDeletedAsync(cancellationToken);
            recreated = true;
        }

        if (recreated || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return recreated;
    }

    /// <summary>Applied migration ids that no migration of this build carries (empty for a new database).</summary>
    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return [];
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return [];
        }

        return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
    }
}
