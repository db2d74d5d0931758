namespace KunshanInvest.Application.Common.Security;

/// <summary>User-supplied text on its way into a security log line.</summary>
public static class LogText
{
    public const int MaxLength = 64;

    /// <summary>
    /// Control characters (CR, LF, TAB, ESC …) and the Unicode line and paragraph separators become '_', so a
    /// crafted user name or path cannot forge or split a log line; long values are cut.
    /// </summary>
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = value.Length > MaxLength ? value[..MaxLength] : value;
        var text = string.Create(cut.Length, cut, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? '_' : c;
            }
        });
        return value.Length > MaxLength ? text + "…" : text;
    }
}
