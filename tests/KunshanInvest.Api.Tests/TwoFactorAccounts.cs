using KunshanInvest.Infrastructure.Identity;
using KunshanInvest.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>Accounts with (or without) an enrolled authenticator, made through Identity for the second-factor tests.</summary>
internal static class TwoFactorAccounts
{
    /// <summary>A fresh random authenticator key (Base32), as an enrolment would store.</summary>
    public static string NewKey() => OtpNet.Base32Encoding.ToString(OtpNet.KeyGeneration.GenerateRandomKey(20));

    /// <summary>The code an authenticator app shows for <paramref name="key"/> now.</summary>
    public static string CodeNow(string key) => DemoAuthenticator.Code(key, DemoAuthenticator.Step(DateTimeOffset.UtcNow));

    /// <summary>An enabled account named <paramref name="prefix"/>… with <paramref name="roles"/>; with <paramref name="key"/> an enrolled authenticator.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, string prefix, string password, string? key, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userName = $"{prefix}{Guid.NewGuid():N}"[..16];
        var user = new AppUser { UserName = userName, Email = $"{userName}@test.kunshan", DisplayName = userName, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        if (key is not null)
        {
            await ((IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>()).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }

        return userName;
    }
}
