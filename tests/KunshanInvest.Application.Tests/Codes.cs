using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Tests;

/// <summary>Fresh, valid unified social credit codes (GB 32100), so tests never collide on the unique index.</summary>
internal static class Codes
{
    public static string NewCreditCode()
    {
        var first17 = "91320583" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>The same code with a check character that does not match.</summary>
    public static string WithWrongCheckCharacter(string code) => code[..^1] + (code[^1] == '0' ? '1' : '0');
}
