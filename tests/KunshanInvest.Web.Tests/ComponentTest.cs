using Bunit.TestDoubles;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KunshanInvest.Web.Tests;

/// <summary>A bUnit context with MudBlazor's services, a popover host and a recording <see cref="ISender"/>.</summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected FakeSender Sender { get; } = new();

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ISender>(Sender);
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xunit 2 disposes synchronously otherwise.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
