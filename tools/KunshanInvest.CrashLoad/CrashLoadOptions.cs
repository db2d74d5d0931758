using System.Globalization;

namespace KunshanInvest.CrashLoad;

public enum CrashProvider
{
    Sqlite,
    Postgres,
}

/// <summary>What one crash-under-load run does; <see cref="Parse"/> reads the command line of the console tool.</summary>
public sealed record CrashLoadOptions
{
    /// <summary>The built app to start as a process (<c>dotnet KunshanInvest.Api.dll</c>).</summary>
    public required string AppDll { get; init; }

    public CrashProvider Provider { get; init; } = CrashProvider.Sqlite;

    /// <summary>PostgreSQL: the (empty) database to run on. SQLite: unused (the database is a file in <see cref="DataDirectory"/>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The app's own data folder (SQLite file, attachments, Hangfire, mail drop); a new temp folder when null.</summary>
    public string? DataDirectory { get; init; }

    public int Submissions { get; init; } = 5000;
    public int Connections { get; init; } = 32;
    public int Kills { get; init; } = 2;

    /// <summary>Approved partner organisations sending in parallel: the demo one plus registered ones.</summary>
    public int Partners { get; init; } = 3;

    /// <summary>Every n-th submission is multipart with a small PDF (0: none).</summary>
    public int AttachmentEvery { get; init; } = 50;

    /// <summary>The run's Portal:InFlightTakeoverSeconds: how soon a retry takes over a claim the killed server left in flight.</summary>
    public int TakeoverSeconds { get; init; } = 5;

    /// <summary>Seeds the kill moments (random when null; printed so a run can be repeated).</summary>
    public int? Seed { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public const string Usage =
        "usage: KunshanInvest.CrashLoad --app PATH/KunshanInvest.Api.dll [--provider sqlite|postgres] [--connection-string CS]\n" +
        "       [--submissions 5000] [--connections 32] [--kills 2] [--partners 3] [--attachment-every 50]\n" +
        "       [--takeover-seconds 5] [--seed N] [--data-dir DIR]";

    public static CrashLoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        int Int(string name, int fallback, int min) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min ? value
            : throw new ArgumentException($"--{name} must be a whole number ≥ {min}");

        var provider = values.GetValueOrDefault("provider", "sqlite") switch
        {
            "sqlite" => CrashProvider.Sqlite,
            "postgres" => CrashProvider.Postgres,
            var other => throw new ArgumentException($"--provider is sqlite or postgres, not '{other}'"),
        };
        var options = new CrashLoadOptions
        {
            AppDll = values.GetValueOrDefault("app") ?? throw new ArgumentException("--app is required"),
            Provider = provider,
            ConnectionString = values.GetValueOrDefault("connection-string"),
            DataDirectory = values.GetValueOrDefault("data-dir"),
            Submissions = Int("submissions", 5000, 1),
            Connections = Int("connections", 32, 1),
            Kills = Int("kills", 2, 0),
            Partners = Int("partners", 3, 1),
            AttachmentEvery = Int("attachment-every", 50, 0),
            TakeoverSeconds = Int("takeover-seconds", 5, 1),
            Seed = values.ContainsKey("seed") ? Int("seed", 0, 0) : null,
        };
        if (provider == CrashProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("--provider postgres needs --connection-string");
        }

        if (!File.Exists(options.AppDll))
        {
            throw new ArgumentException($"no app at {options.AppDll} (build it first)");
        }

        var unknown = values.Keys.Except(["app", "provider", "connection-string", "data-dir", "submissions", "connections", "kills", "partners", "attachment-every", "takeover-seconds", "seed"]).ToList();
        return unknown.Count > 0 ? throw new ArgumentException($"unknown option --{unknown[0]}") : options;
    }
}
