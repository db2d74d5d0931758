using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Projects;

/// <summary>The Chinese labels of <see cref="SourceChannel"/>, as officers write them in exports and import sheets.</summary>
public static class SourceChannels
{
    private static readonly (SourceChannel Channel, string Label)[] Labels =
    [
        (SourceChannel.Conference, "招商会"),
        (SourceChannel.Expo, "展会"),
        (SourceChannel.OverseasOffice, "驻外招商点"),
        (SourceChannel.BusinessReferral, "以商引商"),
        (SourceChannel.Intermediary, "中介机构"),
        (SourceChannel.PartnerPortal, "合作伙伴门户"),
        (SourceChannel.WalkIn, "上门"),
    ];

    public static IReadOnlyList<SourceChannel> All { get; } = [.. Labels.Select(l => l.Channel)];

    public static string ZhName(this SourceChannel channel) =>
        Labels.FirstOrDefault(l => l.Channel == channel).Label ?? channel.ToString();

    /// <summary>Reads a channel from its Chinese label or its English name (any case); numbers are not names.</summary>
    public static bool TryParse(string? text, out SourceChannel channel)
    {
        channel = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var (candidate, label) in Labels)
        {
            if (value == label || string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }

        return false;
    }
}
