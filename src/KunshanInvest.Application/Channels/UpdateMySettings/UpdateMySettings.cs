using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Channels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels.UpdateMySettings;

/// <summary>
/// Saves the signed-in staff user's notice settings: e-mail on or off, the WeCom and DingTalk channels that repeat
/// their notices (an enabled channel of that kind, or none) and the mobile number / robot user id they are @-mentioned by.
/// Their own row only: there is no id to pass.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record UpdateMySettings(bool EmailEnabled, string? Mobile, string? ImUserId, Guid? WeComChannelId, Guid? DingTalkChannelId) : ICommand<MySettingsDto>;

public sealed class UpdateMySettingsValidator : AbstractValidator<UpdateMySettings>
{
    public UpdateMySettingsValidator()
    {
        RuleFor(x => x.Mobile).Cascade(CascadeMode.Stop)
            .MaximumLength(UserNotificationSettings.MobileMaxLength).WithMsg(M.SettingsMobile.With(("max", UserNotificationSettings.MobileMaxLength)))
            .Matches(@"^\+?[0-9]{3,19}$").When(x => !string.IsNullOrWhiteSpace(x.Mobile)).WithMsg(M.SettingsMobile.With(("max", UserNotificationSettings.MobileMaxLength)));
        RuleFor(x => x.ImUserId).Cascade(CascadeMode.Stop)
            .MaximumLength(UserNotificationSettings.ImUserIdMaxLength).WithMsg(M.SettingsImUserId.With(("max", UserNotificationSettings.ImUserIdMaxLength)))
            .Must(v => v is null || !v.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>')).WithMsg(M.SettingsImUserId.With(("max", UserNotificationSettings.ImUserIdMaxLength)));
    }
}

public sealed class UpdateMySettingsHandler(IAppDbContext db, ICurrentUser user, IMyAccount account, TimeProvider clock) : ICommandHandler<UpdateMySettings, MySettingsDto>
{
    public async ValueTask<MySettingsDto> Handle(UpdateMySettings command, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        var wanted = new[] { command.WeComChannelId, command.DingTalkChannelId }.OfType<Guid>().ToList();
        var kinds = await db.NotificationChannels.AsNoTracking().Where(c => wanted.Contains(c.Id) && c.IsEnabled)
            .ToDictionaryAsync(c => c.Id, c => c.Kind, cancellationToken);
        Check(command.WeComChannelId, ChannelKind.WeCom, kinds);
        Check(command.DingTalkChannelId, ChannelKind.DingTalk, kinds);

        var settings = await db.UserNotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            settings = new UserNotificationSettings(userId);
            db.UserNotificationSettings.Add(settings);
        }

        settings.Change(command.EmailEnabled, command.Mobile, command.ImUserId, command.WeComChannelId, command.DingTalkChannelId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await MySettingsReads.ReadAsync(db, account, userId, cancellationToken);
    }

    private static void Check(Guid? id, ChannelKind kind, Dictionary<Guid, ChannelKind> kinds)
    {
        if (id is { } channelId && (!kinds.TryGetValue(channelId, out var found) || found != kind))
        {
            throw M.ChannelWrongKind.With(("kind", kind.ToString())).Rule();
        }
    }
}
