using System.Globalization;
using System.Text.Json;

namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// A message's arguments as stored JSON (a notice worded when read): strings and numbers as they are, a
/// <see cref="Bilingual"/> as <c>{"zh":…,"en":…}</c>, anything else as its invariant text.
/// </summary>
public static class SaidJson
{
    public static string? Write(IReadOnlyDictionary<string, object?> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return null;
        }

        var values = args.ToDictionary(a => a.Key, a => a.Value switch
        {
            null => null,
            string or int or long or decimal or double => a.Value,
            Bilingual b => new Dictionary<string, string> { ["zh"] = b.Zh, ["en"] = b.En },
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => a.Value.ToString(),
        }, StringComparer.Ordinal);
        return JsonSerializer.Serialize(values);
    }

    public static IReadOnlyDictionary<string, object?> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Said.NoArgs;
        }

        using var document = JsonDocument.Parse(json);
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            args[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.TryGetInt64(out var n) ? n : property.Value.GetDecimal(),
                JsonValueKind.Object => new Bilingual(
                    property.Value.TryGetProperty("zh", out var zh) ? zh.GetString() ?? "" : "",
                    property.Value.TryGetProperty("en", out var en) ? en.GetString() ?? "" : ""),
                _ => null,
            };
        }

        return args;
    }

    /// <summary>A whole message (code and arguments) as one stored text, e.g. an audit entry's value worded when read.</summary>
    public static string WriteSaid(Said said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return JsonSerializer.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = said.Code,
            ["args"] = Write(said.Args) is { } args ? JsonDocument.Parse(args).RootElement : null,
        });
    }

    /// <summary>A text stored by <see cref="WriteSaid"/> whose code the catalogue knows; anything else is not one.</summary>
    public static bool TryReadSaid(string? text, out Said said)
    {
        said = M.Text.With(("text", text));
        if (string.IsNullOrEmpty(text) || !text.StartsWith("{\"code\":", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var code = document.RootElement.GetProperty("code").GetString();
            if (Messages.Find(code) is null)
            {
                return false;
            }

            var args = document.RootElement.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object ? Read(a.GetRawText()) : Said.NoArgs;
            said = new Said(code!, args);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
