using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KunshanInvest.Api.Security;

/// <summary>
/// Behind a TLS-terminating reverse proxy the request reaches Kestrel as http; X-Forwarded-Proto tells the truth,
/// but only from the proxies named in <c>Security:KnownProxies</c> / <c>Security:KnownNetworks</c>. With none
/// named no forwarded header is read at all (a client could otherwise claim any scheme or address).
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddKunshanForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseKunshanForwardedHeaders(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        return options.KnownProxies.Length + options.KnownNetworks.Length > 0 ? app.UseForwardedHeaders() : app;
    }
}
