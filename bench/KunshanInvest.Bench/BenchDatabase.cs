using System.Diagnostics;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Synthetic;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KunshanInvest.Bench;

/// <summary>
/// The database the benchmarks read: by default a SQLite file of <see cref="Projects"/> synthetic projects, generated
/// once with the seed generator and cached under <c>artifacts/bench/</c>; with <c>KI_BENCH_PG</c> set to a connection
/// string, that PostgreSQL database instead (generated into it when it holds no synthetic data yet).
/// </summary>
public static class BenchDatabase
{
    /// <summary>Projects in the benchmark database (<c>KI_BENCH_PROJECTS</c>, default issue 9's 100,000).</summary>
    public static int Projects { get; } = int.TryParse(Environment.GetEnvironmentVariable("KI_BENCH_PROJECTS"), out var n) ? n : 100_000;

    public static string? PostgresConnectionString { get; } = Environment.GetEnvironmentVariable("KI_BENCH_PG") is { Length: > 0 } pg ? pg : null;

    public static DatabaseProvider Provider => PostgresConnectionString is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SqliteFile => Path.Combine(RepositoryRoot, "artifacts", "bench", $"synthetic-{Projects}-seed{SyntheticOptions.DefaultSeed}.db");

    public static string ConnectionString => PostgresConnectionString ?? $"Data Source={SqliteFile}";

    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>Makes sure the database exists and holds the synthetic data; generates it the first time.</summary>
    public static void EnsureReady()
    {
        lock (Gate)
        {
            if (_ready)
            {
                return;
            }

            if (!IsGenerated())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(SqliteFile)!);
                var partial = Provider == DatabaseProvider.Sqlite ? SqliteFile + ".partial" : null;
                if (partial is not null)
                {
                    File.Delete(partial);
                }

                Console.WriteLine($"// Generating {Projects:N0} synthetic projects into {(partial ?? "PostgreSQL")} (once; cached) …");
                var clock = Stopwatch.StartNew();
                using (var host = BenchHost.Create(partial is null ? ConnectionString : $"Data Source={partial}", migrate: true))
                {
                    host.GenerateAsync(new SyntheticOptions { Projects = Projects }).GetAwaiter().GetResult();
                }

                SqliteConnection.ClearAllPools();
                if (partial is not null)
                {
                    File.Move(partial, SqliteFile, overwrite: true);
                }

                Console.WriteLine($"// Generated in {clock.Elapsed.TotalSeconds:N1} s.");
            }
            else
            {
                using var host = BenchHost.Create(ConnectionString, migrate: true);
                host.MigrateAsync().GetAwaiter().GetResult();
                SqliteConnection.ClearAllPools();
            }

            _ready = true;
        }
    }

    private static bool IsGenerated()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(SqliteFile);
        }

        using var connection = new NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        using var table = new NpgsqlCommand("SELECT to_regclass('\"Projects\"') IS NOT NULL", connection);
        if (table.ExecuteScalar() is not true)
        {
            return false;
        }

        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM \"Projects\" WHERE \"Code\" LIKE 'SY-%')", connection);
        return command.ExecuteScalar() is true;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KunshanInvest.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
