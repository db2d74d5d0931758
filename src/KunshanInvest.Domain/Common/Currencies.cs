namespace KunshanInvest.Domain.Common;

/// <summary>
/// The currencies an amount may be entered in: every form offers these, every validator accepts only these.
/// <see cref="Money"/> itself checks the ISO 4217 shape only, so stored amounts in another code still load.
/// </summary>
public static class Currencies
{
    public const string Cny = "CNY";

    /// <summary>CNY first (the default), then in the order the bureau meets them.</summary>
    public static IReadOnlyList<string> All { get; } = [Cny, "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "CHF", "SGD"];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
