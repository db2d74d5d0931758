using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Channels.SendTestMessage;

/// <summary>
/// Posts a test message straight through the sender (not the outbox) and returns what the robot answered, or the
/// error met, for the admin to read. Works on a disabled channel too, so it can be checked before it is turned on.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SendTestMessage(Guid Id) : ICommand<ChannelTestResult>;

public sealed class SendTestMessageHandler(IAppDbContext db, IChannelSender sender) : ICommandHandler<SendTestMessage, ChannelTestResult>
{
    public async ValueTask<ChannelTestResult> Handle(SendTestMessage command, CancellationToken cancellationToken)
    {
        var channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Channel", command.Id);
        var culture = Messages.CultureOf(channel.Language);
        var message = new RobotMessage(M.ChannelTestTitle.Render(culture, new Dictionary<string, object?> { ["name"] = channel.Name }), M.ChannelTestBody.Render(culture), null);
        var answer = await sender.SendAsync(new RobotTarget(channel.Kind, channel.WebhookUrl, channel.Secret), message, cancellationToken);
        return new ChannelTestResult(answer.Ok, answer.Status, answer.Answer);
    }
}
