using System.Text.RegularExpressions;

namespace KunshanInvest.Architecture.Tests;

/// <summary>
/// Provider differences live in one place, <c>SqlDialect</c>: no other source file asks which database it runs on.
/// The scan reads the source text, so a check written any way the compiler accepts is caught.
/// </summary>
public sealed partial class SqlDialectTests
{
    /// <summary>The files that may name a provider, each for a reason of its own.</summary>
    private static readonly string[] Allowed =
    [
        "src/KunshanInvest.Infrastructure/DatabaseOptions.cs",                 // the Database:Provider setting itself
        "src/KunshanInvest.Infrastructure/Persistence/SqlDialect.cs",          // chooses the dialect from it
        "src/KunshanInvest.Infrastructure/DependencyInjection.cs",             // configures the DbContext options per provider
        "src/KunshanInvest.Api/Jobs/JobsSetup.cs",                             // Hangfire's storage per provider
        "src/KunshanInvest.Api/Commands/BackupVerb.cs",                        // backs up SQLite; names the servers' own tools
    ];

    [GeneratedRegex("""
        \bIs(Sqlite|Npgsql|SqlServer)\s*\(
        | \bProviderName\b
        | \bDatabaseProvider\s*\.\s*(Sqlite|SqlServer|PostgreSql)\b
        | "(Microsoft\.EntityFrameworkCore\.)?(Sqlite|SqlServer)"
        | "Npgsql(\.EntityFrameworkCore\.PostgreSQL)?"
        | "(PostgreSql|Postgres)"
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase)]
    private static partial Regex ProviderCheck();

    [Fact]
    public void Only_the_dialect_and_the_provider_registration_name_a_database_provider()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => !Allowed.Contains(path, StringComparer.Ordinal))
            .SelectMany(path => File.ReadLines(Path.Combine(root, path))
                .Select((line, index) => (Line: line, Number: index + 1))
                .Where(l => !l.Line.TrimStart().StartsWith("//", StringComparison.Ordinal) && ProviderCheck().IsMatch(l.Line))
                .Select(l => $"{path}:{l.Number}: {l.Line.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Ask SqlDialect instead of the provider:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_allowed_file_still_exists()
    {
        var root = RepositoryRoot();

        Assert.All(Allowed, path => Assert.True(File.Exists(Path.Combine(root, path)), $"{path} is gone: take it off the list."));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KunshanInvest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("KunshanInvest.sln not found above " + AppContext.BaseDirectory);
    }
}
