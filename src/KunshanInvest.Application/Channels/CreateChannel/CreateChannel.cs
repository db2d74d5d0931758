using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Channels;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels.CreateChannel;

/// <summary>Adds a WeCom or DingTalk robot channel (Admin), optionally as a sector's group.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateChannel(ChannelKind Kind, string Name, string? WebhookUrl, string? Secret, string? Language, Guid? SectorId)
    : ICommand<ChannelDto>, IChannelFields;

public sealed class CreateChannelValidator : AbstractValidator<CreateChannel>
{
    public CreateChannelValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMsg(M.ChannelKind);
        this.AddChannelRules(urlRequired: true);
    }
}

public sealed class CreateChannelHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateChannel, ChannelDto>
{
    public async ValueTask<ChannelDto> Handle(CreateChannel command, CancellationToken cancellationToken)
    {
        if (command.SectorId is { } sectorId && !await db.Sectors.AnyAsync(s => s.Id == sectorId, cancellationToken))
        {
            throw M.ChannelSector.Rule();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var channel = new NotificationChannel(command.Kind, command.Name, command.WebhookUrl!, string.IsNullOrEmpty(command.Secret) ? null : command.Secret, command.Language ?? "zh-CN", now);
        channel.AssignSector(command.SectorId, now);
        db.NotificationChannels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return await ChannelReads.OneAsync(db, channel.Id, cancellationToken);
    }
}
