using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>The roles, and — only with demo data — one account per role.</summary>
public sealed class IdentitySeeder(UserManager<AppUser> users, RoleManager<AppRole> roles, IUserStore<AppUser> store, IOptions<SeedOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>
    /// The demo <c>admin</c>'s authenticator key (base32, published in the README beside the demo password), seeded
    /// only with demo data in Development: <c>oathtool --totp -b KEY</c> or any authenticator app gives the code.
    /// Elsewhere the demo admin enrols an authenticator of their own at the first sign-in.
    /// </summary>
    public const string DemoAdminAuthenticatorKey = "KUNSHANDEMOADMINTOTPKEYTWOSEVENX";

    /// <summary>User name → display name and role of every demo account.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> DemoAccounts =
    [
        ("admin", "系统管理员(演示)", Roles.Admin),
        ("manager", "招商科长(演示)", Roles.Manager),
        ("officer", "招商专员 王晓(演示)", Roles.Officer),
        ("officer2", "招商专员 李静(演示)", Roles.Officer),
        ("partner", "驻外招商点(演示)", Roles.Partner),
        ("auditor", "审计员(演示)", Roles.Auditor),
        ("dept", "供电所 办理员(演示)", Roles.Department),
    ];

    public async Task EnsureRolesAsync(SeedReport report)
    {
        foreach (var role in Roles.All)
        {
            var added = !await roles.RoleExistsAsync(role);
            if (added)
            {
                Check(await roles.CreateAsync(new AppRole(role)));
            }

            report.Count("roles", added);
        }
    }

    /// <summary>
    /// Creates the demo accounts. Outside Development they must change their password before any sign-in
    /// completes, so a demo deployment never leaves a known password usable (等保: no default account).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Guid>> EnsureDemoUsersAsync(SeedReport report)
    {
        if (!environment.IsDevelopment() && options.Value.DemoPassword == SeedOptions.DevelopmentDemoPassword)
        {
            throw new InvalidOperationException(
                "Demo data outside Development needs its own Seed:DemoPassword: the default one is published in the README.");
        }

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (userName, displayName, role) in DemoAccounts)
        {
            var user = await users.FindByNameAsync(userName);
            var added = user is null;
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = userName,
                    Email = $"{userName}@demo.kunshan.test",
                    EmailConfirmed = true,
                    DisplayName = displayName,
                    IsDemo = true,
                    MustChangePassword = !environment.IsDevelopment(),
                    CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
                Check(await users.CreateAsync(user, options.Value.DemoPassword));
                Check(await users.AddToRoleAsync(user, role));
            }

            if (role == Roles.Admin && environment.IsDevelopment() && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, DemoAdminAuthenticatorKey, CancellationToken.None);
                Check(await users.UpdateAsync(user));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }

            ids[userName] = user.Id;
            report.Count("users (demo)", added);
        }

        return ids;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
