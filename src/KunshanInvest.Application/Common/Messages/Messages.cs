using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace KunshanInvest.Application.Common.Messages;

/// <summary>The catalogue of every <see cref="Msg"/> declared on <see cref="M"/>, found by code, and its renderer.</summary>
public static class Messages
{
    private static readonly Lazy<FrozenDictionary<string, Msg>> ByCode = new(() => All!.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal));

    /// <summary>zh-CN: the language of a reader who has not chosen (a job, an API client without Accept-Language).</summary>
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<Msg> All { get; } = typeof(M)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Msg))
        .Select(f => (Msg)f.GetValue(null)!)
        .ToArray();

    public static Msg? Find(string? code) => code is not null && ByCode.Value.TryGetValue(code, out var msg) ? msg : null;

    public static string Render(Said said, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(said);
        return Render(said.Code, said.Args, culture) ?? said.Code;
    }

    /// <summary>The message of <paramref name="code"/> in <paramref name="culture"/>'s language, or null for a code the catalogue lacks.</summary>
    public static string? Render(string? code, IReadOnlyDictionary<string, object?>? args, CultureInfo culture) =>
        Find(code)?.Render(culture, args);

    /// <summary>
    /// What a failure says to its reader: a catalogue message from its code and arguments where it has one, else the
    /// exception's own message (an unconverted text).
    /// </summary>
    public static string Text(Exception exception, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ICodedException coded => Render(coded.Said, culture),
            Domain.Common.DomainRuleException rule => Render(rule.Code, rule.Args, culture) ?? rule.Message,
            Domain.Common.DomainForbiddenException forbidden => Render(forbidden.Code, null, culture) ?? forbidden.Message,
            Domain.Common.DomainConflictException conflict => Render(conflict.Code, conflict.Args, culture) ?? conflict.Message,
            _ => exception.Message,
        };
    }

    /// <summary>
    /// The language a user chose and stored (<c>en-US</c>, <c>zh-CN</c>), as one of the two the application speaks;
    /// zh-CN for none or a name that is no culture. For readers outside a request: e-mails, the weekly digest.
    /// </summary>
    public static CultureInfo CultureOf(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return DefaultCulture;
        }

        try
        {
            return Normalise(CultureInfo.GetCultureInfo(language));
        }
        catch (CultureNotFoundException)
        {
            return DefaultCulture;
        }
    }

    /// <summary>zh-CN unless the culture is English: the two languages the application speaks.</summary>
    public static CultureInfo Normalise(CultureInfo? culture) =>
        culture is not null && Msg.IsEnglish(culture) ? CultureInfo.GetCultureInfo("en-US") : DefaultCulture;
}
