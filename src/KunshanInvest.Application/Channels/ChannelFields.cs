using FluentValidation;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Channels;

namespace KunshanInvest.Application.Channels;

/// <summary>What creating and changing a channel both carry.</summary>
public interface IChannelFields
{
    string Name { get; }

    /// <summary>
    /// The robot's webhook: an absolute http(s) URL (WeCom's holds <c>key=</c>, DingTalk's <c>access_token=</c>); on a
    /// change, null keeps the stored one (reads show it masked).
    /// </summary>
    string? WebhookUrl { get; }

    /// <summary>DingTalk's signing secret; on a change, null keeps the stored one and "" removes it.</summary>
    string? Secret { get; }

    /// <summary><c>zh-CN</c> (default) or <c>en-US</c>.</summary>
    string? Language { get; }

    /// <summary>The sector whose group this is (new leads, signings, 六未 of the sector), or none.</summary>
    Guid? SectorId { get; }
}

internal static class ChannelFieldRules
{
    public static readonly string[] Languages = ["zh-CN", "en-US"];

    public static void AddChannelRules<T>(this AbstractValidator<T> validator, bool urlRequired)
        where T : IChannelFields
    {
        validator.RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMsg(M.ChannelName.With(("max", NotificationChannel.NameMaxLength)))
            .MaximumLength(NotificationChannel.NameMaxLength).WithMsg(M.ChannelName.With(("max", NotificationChannel.NameMaxLength)))
            .Must(v => v.Trim().Length > 0 && !v.Any(char.IsControl)).WithMsg(M.ChannelControl);
        validator.RuleFor(x => x.WebhookUrl).Cascade(CascadeMode.Stop)
            .NotEmpty().When(_ => urlRequired, ApplyConditionTo.CurrentValidator).WithMsg(M.ChannelUrl.With(("max", NotificationChannel.UrlMaxLength)))
            .MaximumLength(NotificationChannel.UrlMaxLength).WithMsg(M.ChannelUrl.With(("max", NotificationChannel.UrlMaxLength)))
            .Must(url => url is null || IsHttpUrl(url)).WithMsg(M.ChannelUrl.With(("max", NotificationChannel.UrlMaxLength)));
        validator.RuleFor(x => x.Secret).Cascade(CascadeMode.Stop)
            .MaximumLength(NotificationChannel.SecretMaxLength).WithMsg(M.ChannelSecret.With(("max", NotificationChannel.SecretMaxLength)))
            .Must(v => v is null || !v.Any(char.IsControl)).WithMsg(M.ChannelControl);
        validator.RuleFor(x => x.Language)
            .Must(v => v is null || Languages.Contains(v, StringComparer.Ordinal)).WithMsg(M.ChannelLanguage);
    }

    public static bool IsHttpUrl(string? url) =>
        url is not null && !url.Any(char.IsControl) && !url.Any(char.IsWhiteSpace)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
