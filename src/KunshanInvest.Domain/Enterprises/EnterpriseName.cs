using System.Text;
using System.Text.RegularExpressions;

namespace KunshanInvest.Domain.Enterprises;

/// <summary>
/// Reduces a company name to a key for duplicate detection: full-width → half-width, case and spacing
/// folded, punctuation dropped, and legal forms removed — trailing Latin words (Co., Ltd., Inc. …) only as
/// whole words, so "Costco" keeps its "co"; Chinese suffixes (有限公司 …) at the end. Thus
/// "瑞幸咖啡（中国）有限公司" and "瑞幸咖啡(中国)" meet, as do "Luckin Coffee Inc." and "LUCKIN COFFEE".
/// </summary>
public static partial class EnterpriseName
{
    private static readonly HashSet<string> LatinForms = new(StringComparer.Ordinal)
    {
        "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "plc", "gmbh", "ag", "sa", "bv", "kk", "pte", "pty",
    };

    // Longest first: "股份有限公司" must be stripped before "有限公司" would leave "股份".
    private static readonly string[] ChineseForms = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司"];

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Words().Matches(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()).Select(m => m.Value).ToList();
        while (words.Count > 1 && LatinForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var key = string.Concat(words);
        bool stripped;
        do
        {
            stripped = false;
            foreach (var form in ChineseForms)
            {
                if (key.Length > form.Length && key.EndsWith(form, StringComparison.Ordinal))
                {
                    key = key[..^form.Length];
                    stripped = true;
                    break;
                }
            }
        }
        while (stripped);

        return key;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
