using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Api;

/// <summary>Tells whoever ran the app where to open it and, with demo data, how to sign in.</summary>
internal sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<SeedOptions> seed, DatabaseOptions database, IHostEnvironment environment, IOptions<Application.Jobs.DispatchEmails.MailOptions> mail, global::KunshanInvest.Infrastructure.Mail.MailPickupFolder pickup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { "", "  昆山招商 KunshanInvest is running:" };
            lines.AddRange(addresses.Select(a => $"    open {a.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}"));
            lines.Add($"    database: {database.Provider}; API reference at /scalar, OpenAPI at /openapi/v1.json");
            lines.Add(string.IsNullOrWhiteSpace(mail.Value.Host) ? $"    e-mail: no SMTP configured (Mail:Host), written as .eml files to {pickup.Path}" : $"    e-mail: SMTP {mail.Value.Host}:{mail.Value.Port}");
            if (seed.Value.Demo)
            {
                // Only the published development password is printed; a configured one stays out of the logs.
                lines.Add(environment.IsDevelopment() ? $"  Demo sign-ins (password {seed.Value.DemoPassword}):" : "  Demo sign-ins (password: Seed:DemoPassword; change it at first sign-in):");
                lines.AddRange(IdentitySeeder.DemoAccounts.Select(a => $"    {a.UserName,-9} {a.Role}"));
            }

            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
