using System.Buffers.Text;
using System.Text.Json;

namespace KunshanInvest.Application.Common.Paging;

/// <summary>One page of a keyset-paged list: the items, the cursor of the next page (null at the end) and the total.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int Total);

/// <summary>An opaque keyset cursor: the sort key and the tie-breaking code of the last row of a page.</summary>
public sealed record Cursor(string Sort, string? Key, string Code)
{
    public const int MaxPageSize = 200;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>Null when <paramref name="value"/> is not a cursor this list issued (the validator turns that into a 400).</summary>
    public static Cursor? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Cursor>(Base64Url.DecodeFromChars(value));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static bool IsValid(string? value) => string.IsNullOrEmpty(value) || Decode(value) is not null;
}
