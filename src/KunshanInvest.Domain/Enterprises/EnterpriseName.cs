using System.Globalization;
using System.Text;

namespace KunshanInvest.Domain.Enterprises;

/// <summary>
/// Reduces a company name to a key for duplicate detection: full-width → half-width, case and spacing
/// folded, punctuation dropped, and legal-form suffixes (有限公司, Co., Ltd., Inc. …) removed, so that
/// "瑞幸咖啡（中国）有限公司" and "瑞幸咖啡(中国)" meet.
/// </summary>
public static class EnterpriseName
{
    // Longest first: "股份有限公司" must be stripped before "有限公司" would leave "股份".
    private static readonly string[] Suffixes =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司",
        "companylimited", "corporation", "coltd", "limited", "gmbh", "co", "ltd", "inc", "llc", "plc", "corp", "ag", "sa", "bv", "kk",
    ];

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter)
            {
                builder.Append(c);
            }
        }

        var key = builder.ToString();
        bool stripped;
        do
        {
            stripped = false;
            foreach (var suffix in Suffixes)
            {
                if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
                {
                    key = key[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }
        }
        while (stripped);

        return key;
    }
}
