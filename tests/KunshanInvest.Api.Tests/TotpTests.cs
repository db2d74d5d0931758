using KunshanInvest.Infrastructure.Identity;

namespace KunshanInvest.Api.Tests;

/// <summary>The app's own RFC 6238 codes against the RFC's test vectors (SHA-1, last six digits).</summary>
public sealed class TotpTests
{
    private const string RfcSecretBase32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // ASCII "12345678901234567890"

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    [InlineData(20000000000, "353130")]
    public void Codes_match_the_rfc_6238_vectors(long unixSeconds, string expected)
    {
        var secret = Base32.Decode(RfcSecretBase32);

        Assert.Equal("12345678901234567890", System.Text.Encoding.ASCII.GetString(secret));
        Assert.Equal(expected, Totp.Code(secret, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void The_demo_key_decodes_to_a_160_bit_secret_and_agrees_with_an_independent_implementation()
    {
        var step = Totp.Step(DateTimeOffset.UtcNow);

        Assert.Equal(20, Base32.Decode(KunshanInvest.Infrastructure.Seeding.IdentitySeeder.DemoAdminAuthenticatorKey).Length);
        Assert.Equal(Testing.DemoAuthenticator.AdminKey, KunshanInvest.Infrastructure.Seeding.IdentitySeeder.DemoAdminAuthenticatorKey);
        Assert.Equal(Testing.DemoAuthenticator.Code(Testing.DemoAuthenticator.AdminKey, step), Totp.Code(Base32.Decode(Testing.DemoAuthenticator.AdminKey), step));
    }

    [Fact]
    public void Base32_refuses_characters_outside_its_alphabet()
    {
        Assert.Throws<FormatException>(() => Base32.Decode("KUNSHAN0"));
    }
}
