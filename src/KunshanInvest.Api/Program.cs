using KunshanInvest.Api;
using KunshanInvest.Api.Commands;
using KunshanInvest.Application;
using KunshanInvest.Infrastructure;
using KunshanInvest.Web;

// `seed …` and other verbs run once against the configured database instead of the server.
var (verb, hostArgs) = HostVerbs.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

// Serve the UI library's static assets from build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddApplication()
    .AddKunshanMediator()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddApi(builder.Configuration, builder.Environment)
    .AddWebUi();

var app = builder.Build();
if (verb is not null)
{
    return await verb.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
}

app.UseApi();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
