using OtpNet;

namespace KunshanInvest.Testing;

/// <summary>
/// The demo admin's authenticator, as a phone app would be: RFC 6238 codes from the key published in the README,
/// computed by Otp.NET (not the app's own code). The app accepts each code once and one 30-second step either side
/// of now, so signing in twice to one app takes the next step (immediately) or waits for one.
/// </summary>
public static class DemoAuthenticator
{
    public const string AdminKey = "KUNSHANDEMOADMINTOTPKEYTWOSEVENX";

    private static readonly Dictionary<string, long> LastStep = new(StringComparer.Ordinal);

    /// <summary>The code for <paramref name="step"/> (30-second steps since the Unix epoch).</summary>
    public static string Code(string key, long step) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);

    public static long Step(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 30;

    /// <summary>
    /// A code not yet used with <paramref name="app"/> (any id unique to one running app and account). The step is
    /// reserved at once; only a caller whose step lies ahead waits, and it waits alone (other apps, and later steps of
    /// this one, are not held up).
    /// </summary>
    public static async Task<string> FreshCodeAsync(string app, string key = AdminKey)
    {
        long step;
        lock (LastStep)
        {
            var now = Step(DateTimeOffset.UtcNow);
            step = LastStep.TryGetValue(app, out var last) ? Math.Max(now, last + 1) : now;
            LastStep[app] = step;
        }

        // The app accepts one step either side of now: wait until the reserved step is at most one ahead.
        while (Step(DateTimeOffset.UtcNow) + 1 < step)
        {
            await Task.Delay(TimeSpan.FromSeconds(((step - 1) * 30) - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        }

        return Code(key, step);
    }
}
