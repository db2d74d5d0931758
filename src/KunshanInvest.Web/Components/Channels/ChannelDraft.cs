using KunshanInvest.Application.Channels;
using KunshanInvest.Domain.Channels;

namespace KunshanInvest.Web.Components.Channels;

/// <summary>The channel form's fields: a new channel's, or an existing one's with the webhook and secret left empty (kept unless typed).</summary>
public sealed class ChannelDraft
{
    public Guid? Id { get; init; }
    public int Version { get; init; }
    public ChannelKind Kind { get; set; }
    public string? Name { get; set; }
    public string? WebhookUrl { get; set; }
    public string? Secret { get; set; }
    public string Language { get; set; } = "zh-CN";
    public Guid? SectorId { get; set; }
    public bool IsEnabled { get; set; } = true;

    public static ChannelDraft From(ChannelDto c) => new()
    {
        Id = c.Id, Version = c.Version, Kind = c.Kind, Name = c.Name, Language = c.Language, SectorId = c.SectorId, IsEnabled = c.IsEnabled,
    };
}
