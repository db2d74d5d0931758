using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KunshanInvest.Web;

public static class WebUi
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        // A phone in a lift or a tunnel: the server keeps a dropped circuit (and what its forms hold) for ten minutes
        // rather than the default three, so a reconnect resumes it; after that the page reloads and restores its drafts.
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(10));
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Text.ChineseMudLocalizer>();
        return services;
    }
}
