using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Tests;

/// <summary>A database migrated before the squash (ADR 0026) records ids this build lacks: refused, or recreated on request.</summary>
public sealed class DatabaseMigratorTests
{
    private const string PreSquashId = "20261127135011_SweepIndexes";

    [Fact]
    public async Task A_current_database_has_no_unknown_migrations_and_nothing_to_apply()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        Assert.Empty(await DatabaseMigrator.UnknownMigrationsAsync(db, CancellationToken.None));
        Assert.False(await DatabaseMigrator.MigrateAsync(db, recreateOlderDatabase: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_database_from_before_the_squash_is_refused_and_left_as_it_was()
    {
        await using var database = await PreSquashDatabaseAsync();
        await using var db = database.NewContext();

        var refused = await Assert.ThrowsAsync<DatabaseFromOlderBuildException>(() => DatabaseMigrator.MigrateAsync(db, recreateOlderDatabase: false, CancellationToken.None));

        Assert.Equal([PreSquashId], refused.UnknownMigrations);
        Assert.Contains("0026", refused.Message, StringComparison.Ordinal);
        Assert.Contains(PreSquashId, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await db.Sectors.CountAsync());
    }

    [Fact]
    public async Task A_database_from_before_the_squash_is_recreated_when_asked()
    {
        await using var database = await PreSquashDatabaseAsync();
        await using var db = database.NewContext();

        Assert.True(await DatabaseMigrator.MigrateAsync(db, recreateOlderDatabase: true, CancellationToken.None));

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Sectors.CountAsync());
    }

    private static async Task<TestDatabase> PreSquashDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '10.0.15')", PreSquashId);
        db.Sectors.Add(new Domain.Sectors.Sector("legacy", "旧", "Legacy"));
        await db.SaveChangesAsync();
        return database;
    }
}
