using System.Security.Claims;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Application.Tests;

public sealed class TestUser : ICurrentUser
{
    public Guid? Id { get; set; }
    public string? UserName { get; set; }
    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);
    public bool IsAuthenticated => UserName is not null;
    public bool IsInRole(string role) => Roles.Contains(role);

    public static TestUser As(string userName, params string[] roles)
    {
        var user = new TestUser { Id = Guid.CreateVersion7(), UserName = userName };
        user.Roles.UnionWith(roles);
        return user;
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A real database per test, migrated with the real migrations, with the auditing interceptor: a SQLite file by default,
/// or a PostgreSQL database on the test process's throwaway server (<see cref="CreateAsync(DatabaseProvider)"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ki-app-").FullName;
    private DatabaseProvider _provider = DatabaseProvider.Sqlite;
    private string? _connectionString;

    public TestUser User { get; set; } = TestUser.As("officer", Common.Security.Roles.Officer);

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 6, 30, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The database's one write gate, shared by every context on it (a singleton in the app).</summary>
    public SqliteWriteGate WriteGate { get; private set; } = new(enabled: true);

    public SqlDialect Dialect { get; private set; } = SqlDialect.For(DatabaseProvider.Sqlite);

    public DatabaseProvider Provider => _provider;

    /// <param name="interceptors">Extra interceptors, e.g. to count the statements a handler sends.</param>
    public AppDbContext NewContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (_provider == DatabaseProvider.PostgreSql)
        {
            options.UseProvider(DatabaseProvider.PostgreSql, _connectionString!, "KunshanInvest.Migrations.PostgreSql");
        }
        else
        {
            options.UseProvider(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "app.db")}", "KunshanInvest.Migrations.Sqlite");
        }

        options.AddInterceptors(new AuditingInterceptor(User, Clock, WriteGate, Dialect));
        options.AddInterceptors(interceptors);
        return new AppDbContext(options.Options);
    }

    /// <summary>The project code counter over <paramref name="db"/>, queueing at this database's write gate as the app's does.</summary>
    public Infrastructure.Projects.ProjectCodeAllocator Allocator(AppDbContext db) => new(db, WriteGate, Dialect);

    public static Task<TestDatabase> CreateAsync() => CreateAsync(DatabaseProvider.Sqlite);

    /// <summary>A fresh database of <paramref name="provider"/>; PostgreSQL skips (fails under KI_REQUIRE_ALL=1) without a server.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TestDatabase();
        if (provider == DatabaseProvider.PostgreSql)
        {
            KunshanInvest.Testing.Requirement.Need(await KunshanInvest.Testing.PostgresServer.UnavailableReasonAsync());
            database._provider = provider;
            database._connectionString = await KunshanInvest.Testing.PostgresServer.CreateDatabaseAsync("ki_app");
            database.WriteGate = new SqliteWriteGate(enabled: false);
            database.Dialect = SqlDialect.For(provider);
        }

        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>An owner row for projects (the FK points at Identity's users table).</summary>
    public async Task<Guid> AddUserAsync(string userName)
    {
        await using var db = NewContext();
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = $"{userName}@test", DisplayName = userName };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle may linger on some systems; the temp folder is disposable.
        }

        return ValueTask.CompletedTask;
    }
}
