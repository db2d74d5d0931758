using KunshanInvest.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels;

internal static class MySettingsReads
{
    public static async Task<MySettingsDto> ReadAsync(IAppDbContext db, IMyAccount account, Guid userId, CancellationToken cancellationToken)
    {
        var settings = await db.UserNotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.IsEnabled)
            .OrderBy(c => c.Kind).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new ChannelOption(c.Id, c.Kind, c.Name))
            .ToListAsync(cancellationToken);
        var facts = await account.GetAsync(userId, cancellationToken);
        return new MySettingsDto(settings?.EmailEnabled ?? true, settings?.Mobile, settings?.ImUserId, settings?.WeComChannelId, settings?.DingTalkChannelId,
            facts.Language, facts.TwoFactorEnabled, channels);
    }
}
