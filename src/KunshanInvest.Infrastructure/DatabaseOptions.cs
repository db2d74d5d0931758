namespace KunshanInvest.Infrastructure;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    PostgreSql = 2,
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels the app offers.</summary>
public enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty: for SQLite, a file in <see cref="DataDirectory"/>; for the servers, a local default (design-time only).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The app's data folder (SQLite file, mail drop); relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: when a commit reaches the disk. <c>Normal</c> (the default, SQLite's advice for its write-ahead
    /// log) syncs the log at checkpoints: a commit survives the app crashing or being killed, and the database is never
    /// corrupted, but the last commits before a power loss or an operating-system crash may be lost. <c>Full</c> syncs
    /// on every commit (≈ 1 ms each here), which roughly halves the rate of saves. See ADR 0021.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    public string MigrationsAssembly => $"KunshanInvest.Migrations.{Provider}";
}

/// <summary>The <c>Seed</c> configuration section.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load the reference data from the article (sectors, parks, enterprises, events) at start-up.</summary>
    public bool Reference { get; set; } = true;

    /// <summary>Also load the fictional demo projects, contacts and one account per role.</summary>
    public bool Demo { get; set; }

    /// <summary>Folder holding the *.json seed files; relative to the app's base directory.</summary>
    public string Folder { get; set; } = "seeds";

    /// <summary>The demo accounts' password in Development; anywhere else it must be configured (see <see cref="DemoPassword"/>).</summary>
    public const string DevelopmentDemoPassword = "Demo#2026";

    /// <summary>
    /// Password of the demo accounts. Outside Development it must be set to something other than the published
    /// default: the accounts must still change it before use, and whoever knows it first could otherwise do so.
    /// </summary>
    public string DemoPassword { get; set; } = DevelopmentDemoPassword;
}
