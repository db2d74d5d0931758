using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KunshanInvest.Web;

public static class WebUi
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Text.ChineseMudLocalizer>();
        return services;
    }
}
