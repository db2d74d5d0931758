using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Channels.ListChannels;

/// <summary>The robot channels with their delivery (messages waiting, given up on, the last error): the admins' channels page and the jobs page's panel.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListChannels : IQuery<IReadOnlyList<ChannelDto>>;

public sealed class ListChannelsHandler(IAppDbContext db) : IQueryHandler<ListChannels, IReadOnlyList<ChannelDto>>
{
    public async ValueTask<IReadOnlyList<ChannelDto>> Handle(ListChannels query, CancellationToken cancellationToken) =>
        await ChannelReads.ListAsync(db, null, cancellationToken);
}
