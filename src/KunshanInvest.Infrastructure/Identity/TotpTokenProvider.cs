using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace KunshanInvest.Infrastructure.Identity;

/// <summary>
/// RFC 6238 authenticator codes (HMAC-SHA1, 30-second steps, 6 digits — what every authenticator app speaks) under
/// Identity's default authenticator provider name, with two things Identity's own provider lacks: the clock is the
/// DI <see cref="TimeProvider"/> (tests move it), and a code is accepted once (RFC 6238 §5.2): the step of the last
/// accepted code is kept in the user's tokens and only a later step passes. The write goes through the account's
/// concurrency stamp, so two requests racing with one code cannot both win.
/// </summary>
internal sealed class TotpTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    /// <summary>Login provider name of the user-token row holding the last accepted step.</summary>
    public const string TokenLoginProvider = "KunshanInvest";

    public const string LastStepTokenName = "LastAuthenticatorStep";

    /// <summary>One step either side of now, for clock drift (RFC 6238 §5.2 recommends at most one).</summary>
    private const int Drift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        return Totp.Code(Base32.Decode(key), Totp.Step(clock.GetUtcNow()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != Totp.Digits || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = Totp.Step(clock.GetUtcNow());
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : long.MinValue;
        for (var candidate = now - Drift; candidate <= now + Drift; candidate++)
        {
            if (candidate > last && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Totp.Code(secret, candidate)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                var stored = await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName, candidate.ToString(CultureInfo.InvariantCulture));
                return stored.Succeeded;
            }
        }

        return false;
    }
}

/// <summary>RFC 4226 / 6238 code computation.</summary>
internal static class Totp
{
    public const int Digits = 6;

    public static readonly TimeSpan StepLength = TimeSpan.FromSeconds(30);

    public static long Step(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)StepLength.TotalSeconds;

    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32, the alphabet authenticator keys are written in (Identity's own codec is internal).</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is '=' or ' ' or '-')
            {
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
