using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels.UpdateChannel;

/// <summary>
/// Changes a channel (Admin; If-Match): name, webhook and secret (null keeps either), language, sector, enabled. A disabled
/// channel keeps its waiting messages until enabled again. A newly assigned sector's events count from now on.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateChannel(Guid Id, int ExpectedVersion, string Name, string? WebhookUrl, string? Secret, string? Language, Guid? SectorId, bool IsEnabled)
    : ICommand<ChannelDto>, IChannelFields;

public sealed class UpdateChannelValidator : AbstractValidator<UpdateChannel>
{
    public UpdateChannelValidator() => this.AddChannelRules(urlRequired: false);
}

public sealed class UpdateChannelHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateChannel, ChannelDto>
{
    public async ValueTask<ChannelDto> Handle(UpdateChannel command, CancellationToken cancellationToken)
    {
        var channel = await db.NotificationChannels.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Channel", command.Id);
        db.ExpectVersion(channel, command.ExpectedVersion);
        if (command.SectorId is { } sectorId && !await db.Sectors.AnyAsync(s => s.Id == sectorId, cancellationToken))
        {
            throw M.ChannelSector.Rule();
        }

        channel.Change(command.Name, command.WebhookUrl ?? channel.WebhookUrl, command.Secret, command.Language ?? channel.Language);
        channel.AssignSector(command.SectorId, clock.GetUtcNow().UtcDateTime);
        channel.SetEnabled(command.IsEnabled);
        await db.SaveChangesAsync(cancellationToken);
        return await ChannelReads.OneAsync(db, channel.Id, cancellationToken);
    }
}
