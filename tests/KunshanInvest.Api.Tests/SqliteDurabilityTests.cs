using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// <c>Database:SqliteSynchronous</c> (ADR 0021): every SQLite connection the app's DbContext opens syncs at the configured
/// level — NORMAL (1) by default, FULL (2) when asked — on a journal in WAL mode.
/// </summary>
public sealed class SqliteDurabilityTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("Full", 2)]
    [InlineData("Normal", 1)]
    public async Task Each_connection_the_app_opens_syncs_at_the_configured_level(string? setting, long expected)
    {
        var folder = Directory.CreateTempSubdirectory("ki-sync-").FullName;
        var settings = setting is null ? null : new Dictionary<string, string> { ["Database:SqliteSynchronous"] = setting };
        await using var app = new KunshanApiFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "api.db")}", settings: settings);
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        // Two scopes, two opens of pooled connections: the level is set on each open, not once per file.
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(expected, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync());
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
        }
    }
}
