using KunshanInvest.Application.Common;
using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Persistence.Interceptors;
using KunshanInvest.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KunshanInvest.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(database, environment);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton(database);

        var dialect = SqlDialect.For(database.Provider);
        services.AddSingleton(dialect);
        services.AddSingleton(new SqliteWriteGate(enabled: dialect.SingleWriter));
        var sqliteSynchronous = new SqliteSynchronousInterceptor(database.SqliteSynchronous);
        services.AddScoped<AuditingInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            options.UseProvider(database.Provider, connectionString, database.MigrationsAssembly);
            options.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(sqliteSynchronous);
            }

            options.AddInterceptors(sp.GetServices<IInterceptor>()); // diagnostics and tests may add their own
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<Application.Auditing.IAuditChainHead, Persistence.Bookkeeping.AuditChainHeadStore>();
        services.AddScoped<Application.Common.Idempotency.IIdempotencyStore, Persistence.Bookkeeping.IdempotencyStore>();

        services.AddIdentityCore<AppUser>(options =>
            {
                // 等保 / ASVS L2: 8+ characters from three of four classes (checked by ThreeOfFourClassesPasswordValidator).
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpTokenProvider>(TokenOptions.DefaultAuthenticatorProvider) // replaces Identity's: DI clock, replay refused
            .AddPasswordValidator<ThreeOfFourClassesPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.AddScoped<Application.Common.Users.IUserDirectory, UserDirectory>();
        services.AddScoped<Application.Common.Users.IUserAdministration, UserAdministration>();
        Channels.ChannelsSetup.Add(services);
        services.AddScoped<Application.Portal.Partners.IPartnerAccounts, Portal.PartnerAccounts>();
        services.AddSingleton<Application.Portal.IAttachmentStore, Portal.FileAttachmentStore>();
        services.AddSingleton<Application.StaffFiles.IPhotoNormaliser, Files.MagickPhotoNormaliser>();
        services.AddScoped<Application.Reports.IReportSql, Reports.ReportSql>();
        services.AddScoped<Application.Reports.ServiceRequests.IServiceReportSql, Reports.ServiceReportSql>();
        services.AddScoped<Application.Jobs.IJobSql, Jobs.JobSql>();
        services.AddScoped<Application.Jobs.IServiceJobSql, Jobs.ServiceJobSql>();
        services.AddScoped<Application.Projects.IProjectCodeAllocator, Projects.ProjectCodeAllocator>();
        var mail = configuration.GetSection(Application.Jobs.DispatchEmails.MailOptions.Section).Get<Application.Jobs.DispatchEmails.MailOptions>() ?? new();
        services.AddSingleton(new Mail.MailPickupFolder(string.IsNullOrWhiteSpace(mail.PickupDirectory)
            ? Path.Combine(DataDirectory(database, environment), "mail")
            : mail.PickupDirectory));
        services.AddSingleton<Application.Common.Email.IEmailSender, Mail.MailKitEmailSender>();
        services.AddScoped<SeedLoader>();
        services.AddScoped<Synthetic.SyntheticSeeder>();
        services.AddScoped<IdentitySeeder>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    internal static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, string migrationsAssembly) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
        };

    public static string ResolveConnectionString(DatabaseOptions database, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        return database.Provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(DataDirectory(database, environment), "kunshaninvest.db")}",
            DatabaseProvider.SqlServer => "Server=localhost;Database=KunshanInvest;Trusted_Connection=True;TrustServerCertificate=True",
            DatabaseProvider.PostgreSql => "Host=localhost;Database=kunshaninvest;Username=postgres",
            _ => throw new InvalidOperationException($"Unknown database provider '{database.Provider}'."),
        };
    }

    public static string DataDirectory(DatabaseOptions database, IHostEnvironment environment)
    {
        var path = Path.IsPathRooted(database.DataDirectory)
            ? database.DataDirectory
            : Path.Combine(environment.ContentRootPath, database.DataDirectory);
        Directory.CreateDirectory(path);
        return path;
    }
}
