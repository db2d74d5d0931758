using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Channels;
using KunshanInvest.Application.Channels.CreateChannel;
using KunshanInvest.Application.Channels.GetMySettings;
using KunshanInvest.Application.Channels.ListChannels;
using KunshanInvest.Application.Channels.SendTestMessage;
using KunshanInvest.Application.Channels.UpdateChannel;
using KunshanInvest.Application.Channels.UpdateMySettings;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Channels;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>WeCom and DingTalk robot channels (Admin) and the signed-in staff user's own notice settings (ADR 0038).</summary>
internal static class ChannelEndpoints
{
    /// <summary>A new channel. The secret is DingTalk's signing secret (SEC…).</summary>
    public sealed record NewChannelBody(ChannelKind Kind, string Name, string? WebhookUrl, string? Secret, string? Language, Guid? SectorId);

    /// <summary>A channel's settings; <c>webhookUrl</c> null keeps the stored one, <c>secret</c> null keeps the stored one and "" removes it.</summary>
    public sealed record ChannelBody(string Name, string? WebhookUrl, string? Secret, string? Language, Guid? SectorId, bool IsEnabled);

    /// <summary>The user's notice settings: e-mail on/off, the robot channels to repeat notices to, and how to @-mention them.</summary>
    public sealed record SettingsBody(bool EmailEnabled, string? Mobile, string? ImUserId, Guid? WeComChannelId, Guid? DingTalkChannelId);

    public static void MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/channels").WithTags("Channels")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListChannels(), ct)))
            .WithSummary("The robot channels with their delivery: messages waiting, given up on, and the last error. Webhook keys are masked; secrets are never returned.");
        admin.MapPost("/", CreateAsync)
            .WithSummary("Add a WeCom group robot or DingTalk robot channel, optionally as a sector's group.");
        admin.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Change a channel: name, webhook, secret, language, sector, enabled (If-Match required).");
        admin.MapPost("/{id:guid}/test", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new SendTestMessage(id), ct)))
            .WithSummary("Send a test message straight to the robot and return its answer or the error met.");

        var me = app.MapGroup("/api/v1/me").WithTags("Channels")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));
        me.MapGet("/settings", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMySettings(), ct)))
            .WithSummary("The signed-in user's settings: notices by e-mail, robot channels, mention ids, language and two-step verification.");
        me.MapPut("/settings", async (SettingsBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateMySettings(body.EmailEnabled, body.Mobile, body.ImUserId, body.WeComChannelId, body.DingTalkChannelId), ct)))
            .WithSummary("Save the signed-in user's notice settings.");
    }

    private static async Task<Created<ChannelDto>> CreateAsync(NewChannelBody body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var channel = await sender.Send(new CreateChannel(body.Kind, body.Name, body.WebhookUrl, body.Secret, body.Language, body.SectorId), ct);
        Concurrency.SetETag(response, channel.Version);
        return TypedResults.Created($"/api/v1/admin/channels/{channel.Id}", channel);
    }

    private static async Task<Ok<ChannelDto>> UpdateAsync(Guid id, ChannelBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var channel = await sender.Send(new UpdateChannel(id, Concurrency.RequireIfMatch(request), body.Name, body.WebhookUrl, body.Secret, body.Language, body.SectorId, body.IsEnabled), ct);
        Concurrency.SetETag(response, channel.Version);
        return TypedResults.Ok(channel);
    }
}
