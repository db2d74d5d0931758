using KunshanInvest.Api;
using KunshanInvest.Application;
using KunshanInvest.Infrastructure;
using KunshanInvest.Web;

var builder = WebApplication.CreateBuilder(args);

// Serve the UI library's static assets from build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddApplication()
    .AddKunshanMediator()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddApi(builder.Configuration, builder.Environment)
    .AddWebUi();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

app.UseApi();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
