using System.Globalization;
using System.Text;

namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// One message of the application: a stable code and a Chinese and an English template. Both templates are
/// constructor arguments, so a message without one of its languages does not compile. Templates name their
/// arguments in braces (<c>{max}</c>); the catalogue test checks both languages use the same names.
/// </summary>
public sealed class Msg
{
    public Msg(string code, string zh, string en)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(zh);
        ArgumentException.ThrowIfNullOrWhiteSpace(en);
        Code = code;
        Zh = zh;
        En = en;
    }

    public string Code { get; }

    public string Zh { get; }

    public string En { get; }

    public string Template(CultureInfo culture) => IsEnglish(culture) ? En : Zh;

    /// <summary>This message with its arguments, to be rendered later in the reader's language.</summary>
    public Said With(params (string Name, object? Value)[] args) =>
        new(Code, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    public static implicit operator Said(Msg msg)
    {
        ArgumentNullException.ThrowIfNull(msg);
        return new(msg.Code, Said.NoArgs);
    }

    public Said ToSaid() => this;

    public string Render(CultureInfo culture, IReadOnlyDictionary<string, object?>? args = null) => Fill(Template(culture), args, culture);

    public override string ToString() => Render(CultureInfo.CurrentUICulture);

    internal static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>Replaces <c>{name}</c> with the argument; an unknown name stays visible rather than failing the reader's request.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, object?>? args, CultureInfo culture)
    {
        if (args is null || args.Count == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            text.Append(args.TryGetValue(name, out var value) ? Format(value, culture) : template[open..(close + 1)]);
            i = close + 1;
        }

        return text.ToString();
    }

    internal static string Format(object? value, CultureInfo culture) => value switch
    {
        null => "",
        Bilingual b => IsEnglish(culture) ? b.En : b.Zh,
        Said said => Messages.Render(said, culture),
        IFormattable f => f.ToString(null, culture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var names = new List<string>();
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                break;
            }

            var name = template[(i + 1)..close];
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            i = close + 1;
        }

        return names;
    }
}

/// <summary>A message as said: its code and arguments, rendered in the reader's language when read.</summary>
public sealed record Said(string Code, IReadOnlyDictionary<string, object?> Args)
{
    public static readonly IReadOnlyDictionary<string, object?> NoArgs = new Dictionary<string, object?>(StringComparer.Ordinal);

    public string Render(CultureInfo culture) => Messages.Render(this, culture);

    /// <summary>In the current UI language (the request's, the circuit's, or zh-CN in a job).</summary>
    public override string ToString() => Render(CultureInfo.CurrentUICulture);
}

/// <summary>An argument that has a name in each language (a sector, a park, an event, a stage).</summary>
public sealed record Bilingual(string Zh, string En)
{
    public static Bilingual Of(string? zh, string? en) =>
        new(string.IsNullOrWhiteSpace(zh) ? en ?? "" : zh, string.IsNullOrWhiteSpace(en) ? zh ?? "" : en);

    public override string ToString() => Msg.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? En : Zh;
}
