using System.Security.Claims;
using KunshanInvest.Api;
using KunshanInvest.Api.Security;
using KunshanInvest.Application;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Synthetic;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KunshanInvest.Bench;

/// <summary>
/// The app's own composition (as Program.cs builds it, minus the UI), never started: requests go through the real
/// Mediator pipeline — logging, authorisation, validation, unit of work — in a fresh scope each, as an HTTP request
/// would, with the caller set on the scope's <see cref="CurrentUser"/>.
/// </summary>
public sealed class BenchHost : IDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app) => _app = app;

    /// <param name="logSql">Print every SQL statement EF sends (the <c>--sql</c> probe), instead of logging nothing.</param>
    public static BenchHost Create(string connectionString, bool migrate = false, bool logSql = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Database:Provider"] = BenchDatabase.Provider.ToString();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Database:MigrateOnStartup"] = migrate ? "true" : "false";
        builder.Configuration["Jobs:Enabled"] = "false"; // the sweeps are called directly, not through Hangfire
        builder.Logging.ClearProviders(); // the logging behaviour still runs; nothing is written
        if (logSql)
        {
            builder.Logging.AddSimpleConsole()
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)
                .AddFilter((category, _) => category == "Microsoft.EntityFrameworkCore.Database.Command");
        }

        builder.Services
            .AddApplication()
            .AddKunshanMediator()
            .AddInfrastructure(builder.Configuration, builder.Environment)
            .AddApi(builder.Configuration, builder.Environment);
        return new BenchHost(builder.Build());
    }

    public IServiceProvider Services => _app.Services;

    public async Task<SyntheticReport> GenerateAsync(SyntheticOptions options)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyntheticSeeder>().RunAsync(options, p =>
        {
            if (p.Done)
            {
                Console.WriteLine($"//   {p.Kind,-16} {p.Rows,12:N0} rows {p.Elapsed.TotalSeconds,6:N1} s {p.RowsPerSecond,10:N0} rows/s");
            }
        }, CancellationToken.None);
    }

    /// <summary>Brings a cached database up to the current migrations (an index added since it was generated).</summary>
    public async Task MigrateAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    public async Task<TResponse> QueryAsync<TResponse>(BenchUser user, IQuery<TResponse> query)
    {
        await using var scope = Begin(user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<TResponse> CommandAsync<TResponse>(BenchUser user, ICommand<TResponse> command)
    {
        await using var scope = Begin(user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private AsyncServiceScope Begin(BenchUser user)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role)],
            "bench"));
        return scope;
    }

    public void Dispose() => ((IDisposable)_app).Dispose();
}

/// <summary>Who a benchmark acts as: a synthetic officer (owns projects, exists in the users table) or a manager.</summary>
public sealed record BenchUser(Guid Id, string UserName, string Role)
{
    public static BenchUser Officer(Guid id, string userName) => new(id, userName, Roles.Officer);

    public static BenchUser Manager(Guid id) => new(id, "bench-manager", Roles.Manager);
}
