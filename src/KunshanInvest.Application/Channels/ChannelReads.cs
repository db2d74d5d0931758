using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Channels;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels;

internal static class ChannelReads
{
    /// <summary>Channels with their delivery counts, in one query, by name then id (stable for rows saved in one tick).</summary>
    public static async Task<IReadOnlyList<ChannelDto>> ListAsync(IAppDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        var channels = db.NotificationChannels.AsNoTracking().Where(c => id == null || c.Id == id);
        var rows = await channels
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Kind, c.Name, c.WebhookUrl, HasSecret = c.Secret != null, c.Language, c.SectorId, c.IsEnabled, c.Version,
                Pending = db.ChannelMessages.Count(m => m.ChannelId == c.Id && m.SentAtUtc == null && m.Attempts < ChannelMessage.MaxAttempts),
                Failed = db.ChannelMessages.Count(m => m.ChannelId == c.Id && m.SentAtUtc == null && m.Attempts >= ChannelMessage.MaxAttempts),
                Last = db.ChannelMessages.Where(m => m.ChannelId == c.Id && m.SentAtUtc == null && m.LastError != null)
                    .OrderByDescending(m => m.AttemptedAtUtc).ThenByDescending(m => m.Id)
                    .Select(m => new { m.LastError, m.AttemptedAtUtc }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ChannelDto(r.Id, r.Kind, r.Name, Mask(r.WebhookUrl), r.HasSecret, r.Language, r.SectorId, r.IsEnabled, r.Version,
            r.Pending, r.Failed, r.Last?.LastError, r.Last?.AttemptedAtUtc))];
    }

    public static async Task<ChannelDto> OneAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await ListAsync(db, id, cancellationToken))[0];

    /// <summary>The webhook with each query value (the robot's key or token) cut to its last four characters.</summary>
    public static string Mask(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return url;
        }

        var pairs = url[(question + 1)..].Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return pair;
            }

            var value = pair[(equals + 1)..];
            return pair[..(equals + 1)] + (value.Length > 8 ? "…" + value[^4..] : "…");
        });
        return url[..(question + 1)] + string.Join('&', pairs);
    }
}
