using Bunit.TestDoubles;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KunshanInvest.Web.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services, a popover host and a recording <see cref="ISender"/>. xunit v3 disposes a
/// test class through <see cref="IAsyncDisposable"/> when it has it, which MudBlazor's services need.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected FakeSender Sender { get; } = new();

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ISender>(Sender);
        Render<MudPopoverProvider>();
    }
}
