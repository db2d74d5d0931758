namespace KunshanInvest.Domain.Enterprises;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V, Z);
/// the last is a check character, 31 − (Σ value·weight mod 31), where 31 maps to 0.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public enum Problem
    {
        None = 0,
        WrongLength = 1,
        IllegalCharacter = 2,
        WrongCheckCharacter = 3,
    }

    public static Problem Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Length)
        {
            return Problem.WrongLength;
        }

        if (code.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return Problem.IllegalCharacter;
        }

        return code[^1] == CheckCharacter(code.AsSpan(0, Length - 1)) ? Problem.None : Problem.WrongCheckCharacter;
    }

    public static bool IsValid(string? code) => code is not null && Check(code) == Problem.None;

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Needs exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Trims, upper-cases and turns full-width characters half-width, as officers paste codes from anywhere.</summary>
    public static string Normalize(string code) =>
        new string(code.Trim().Select(c => c is >= '！' and <= '～' ? (char)(c - 0xFEE0) : c).ToArray()).ToUpperInvariant();
}
