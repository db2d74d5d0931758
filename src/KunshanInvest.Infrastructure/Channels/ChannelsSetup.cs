using KunshanInvest.Application.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Infrastructure.Channels;

/// <summary>The robot sender's HttpClient (10-second timeout) and the settings page's account facts.</summary>
internal static class ChannelsSetup
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static void Add(IServiceCollection services)
    {
        services.AddHttpClient(RobotSender.ClientName, client => client.Timeout = Timeout);
        services.AddScoped<IChannelSender, RobotSender>();
        services.AddScoped<IMyAccount, Identity.MyAccount>();
    }
}
