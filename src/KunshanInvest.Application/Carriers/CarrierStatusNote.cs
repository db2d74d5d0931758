using KunshanInvest.Domain.Carriers;

namespace KunshanInvest.Application.Carriers;

/// <summary>
/// A status change's history note: "Reserve→Available" (enum names, language-neutral), then the admin's reason after a
/// space. <see cref="TryParse"/> gives the UI the two statuses back to show in the reader's language.
/// </summary>
public static class CarrierStatusNote
{
    private const string Arrow = "→";

    public static string Of(ParcelStatus from, ParcelStatus to, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? $"{from}{Arrow}{to}" : $"{from}{Arrow}{to} {reason.Trim()}";

    public static bool TryParse(string? note, out ParcelStatus from, out ParcelStatus to, out string? reason)
    {
        from = default;
        to = default;
        reason = null;
        if (note is null)
        {
            return false;
        }

        var space = note.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? note : note[..space];
        var parts = head.Split(Arrow);
        if (parts.Length != 2 || !Enum.TryParse(parts[0], out from) || !Enum.TryParse(parts[1], out to) || !Enum.IsDefined(from) || !Enum.IsDefined(to))
        {
            return false;
        }

        reason = space < 0 ? null : note[(space + 1)..];
        return true;
    }
}
