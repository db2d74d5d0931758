using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace KunshanInvest.Api.Tests;

/// <summary>Checks of the three providers' models and migrations that need no server.</summary>
public sealed class ModelTests
{
    private static AppDbContext Context(DatabaseProvider provider)
    {
        var options = new DatabaseOptions { Provider = provider };
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.SqlServer => "Server=localhost;Database=KunshanInvest;Trusted_Connection=True;TrustServerCertificate=True",
            _ => "Host=localhost;Database=kunshaninvest;Username=postgres",
        };
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseProvider(provider, connection, options.MigrationsAssembly);
        return new AppDbContext(builder.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Each_provider_has_no_model_changes_without_a_migration(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run dotnet ef migrations add for this provider.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_sql_server_migration_script_parses_without_errors()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Contains("CREATE TABLE [Projects]", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// SQL Server refuses a foreign key that would give a table two cascade paths from another (or a cycle) at
    /// CREATE TABLE; no SQL Server runs here, so the rule is checked on the model.
    /// </summary>
    [Fact]
    public void The_sql_server_model_has_no_multiple_cascade_paths()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var cascades = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(fk => (From: Table(fk.PrincipalEntityType), To: Table(fk.DeclaringEntityType)))
            .ToList();

        foreach (var start in cascades.Select(c => c.From).Distinct(StringComparer.Ordinal))
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            CountPaths(start, cascades, paths, [start]);
            var duplicated = paths.Where(p => p.Value > 1).Select(p => p.Key).ToList();
            Assert.True(duplicated.Count == 0, $"{start} cascades to {string.Join(", ", duplicated)} along more than one path.");
        }
    }

    private static void CountPaths(string table, List<(string From, string To)> cascades, Dictionary<string, int> paths, HashSet<string> onPath)
    {
        foreach (var (_, to) in cascades.Where(c => c.From == table))
        {
            Assert.False(onPath.Contains(to), $"Cascade cycle through {to}.");
            paths[to] = paths.GetValueOrDefault(to) + 1;
            onPath.Add(to);
            CountPaths(to, cascades, paths, onPath);
            onPath.Remove(to);
        }
    }

    private static string Table(IEntityType type) => type.GetTableName() ?? type.Name;
}
