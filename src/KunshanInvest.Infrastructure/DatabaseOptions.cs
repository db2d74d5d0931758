namespace KunshanInvest.Infrastructure;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    PostgreSql = 2,
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
