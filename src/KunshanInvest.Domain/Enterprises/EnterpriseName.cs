using System.Text;

namespace KunshanInvest.Domain.Enterprises;

/// <summary>
/// Reduces a company name to a key for duplicate detection and search: full-width → half-width, case and spacing
/// folded, punctuation dropped, region qualifiers in brackets dropped — （中国）(China)（昆山）… — and legal forms removed:
/// trailing Latin words (Co., Ltd., Inc. …) only as whole words, so "Costco" keeps its "co"; Chinese suffixes
/// (有限公司 …) at the end. Thus "瑞幸咖啡（中国）有限公司", "瑞幸咖啡(中国)" and "瑞幸咖啡" meet, as do
/// "Luckin Coffee (China) Inc." and "LUCKIN COFFEE".
/// </summary>
/// <remarks>
/// Linear in the input and bounded: at most <see cref="MaxInputLength"/> characters are read (callers validate names
/// at 200 first), each once; a bracket is looked into at most <see cref="MaxQualifierLength"/> characters ahead.
/// </remarks>
public static class EnterpriseName
{
    /// <summary>Past this length the rest of the text is ignored: keys serve names of at most 200 characters.</summary>
    public const int MaxInputLength = 1000;

    /// <summary>The longest region qualifier looked for inside a bracket ("asia pacific", "hong kong sar").</summary>
    public const int MaxQualifierLength = 16;

    private static readonly HashSet<string> LatinForms = new(StringComparer.Ordinal)
    {
        "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "plc", "gmbh", "ag", "sa", "bv", "kk", "pte", "pty",
    };

    /// <summary>Places a subsidiary names itself after; in brackets they are a qualifier, not the company.</summary>
    private static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        "中国", "昆山", "苏州", "江苏", "上海", "亚太", "亚洲", "中国区", "大中华", "大中华区", "华东", "香港", "台湾", "北京", "深圳", "无锡", "南京",
        "china", "kunshan", "suzhou", "jiangsu", "shanghai", "asia", "asiapacific", "asia pacific", "apac", "greaterchina", "greater china",
        "hongkong", "hong kong", "taiwan", "beijing", "shenzhen", "prc", "the prc",
    };

    // Longest first: "股份有限公司" must be stripped before "有限公司" would leave "股份".
    private static readonly string[] ChineseForms = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司"];

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = (name.Length > MaxInputLength ? name[..MaxInputLength] : name).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = Words(WithoutRegions(text));
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

    /// <summary>Whether a bracketed text is a region qualifier such as 中国 or Kunshan (spacing and case folded).</summary>
    public static bool IsRegion(string text) =>
        Regions.Contains(string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// Drops "(region)" groups, and an unclosed "(region" at the end (brackets are half-width after NFKC): one pass, and from each '(' at most
    /// <see cref="MaxQualifierLength"/> characters are looked at, so the work stays linear.
    /// </summary>
    private static string WithoutRegions(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '(')
            {
                var limit = Math.Min(text.Length, i + 2 + MaxQualifierLength);
                var close = -1;
                for (var j = i + 1; j < limit; j++)
                {
                    if (text[j] == ')')
                    {
                        close = j;
                        break;
                    }

                    if (text[j] == '(')
                    {
                        break;
                    }
                }

                if (close > i && IsRegion(text[(i + 1)..close]))
                {
                    result.Append(' ');
                    i = close + 1;
                    continue;
                }

                // A qualifier still being typed ("coffee (china") is one too, when it runs to the end of the text.
                if (close < 0 && text.Length - i - 1 <= MaxQualifierLength && IsRegion(text[(i + 1)..]))
                {
                    break;
                }
            }

            result.Append(text[i]);
            i++;
        }

        return result.ToString();
    }

    /// <summary>The runs of letters and digits, in order (what <c>[\p{L}\p{N}]+</c> matched).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || char.IsNumber(text[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }
}
