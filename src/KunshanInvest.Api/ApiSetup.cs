using System.Text.Json.Serialization;
using KunshanInvest.Api.Endpoints;
using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Api.Jobs;
using KunshanInvest.Api.Security;
using KunshanInvest.Application.Common.Behaviours;
using KunshanInvest.Application.Sectors.ListSectors;
using KunshanInvest.Web;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace KunshanInvest.Api;

internal static class ApiSetup
{
    public static IServiceCollection AddKunshanMediator(this IServiceCollection services)
    {
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            // Scoped: a singleton mediator would share one DbContext across requests.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(ListSectors)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        return services;
    }

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddKunshanJobs(configuration, environment);
        services.AddKunshanDataProtection(configuration);
        var https = SecurityOptions.UsesHttps(configuration, environment);
        services.AddKunshanAuthentication(https);
        services.AddKunshanForwardedHeaders(configuration);
        services.AddKunshanRateLimits(configuration);
        services.AddSingleton<PortalRateLimiter>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = SecurityOptions.CookieName("ki.af", https);
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<Application.Common.Security.ITwoFactorEnrolment, TwoFactorEnrolment>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(ReaderCulture.Configure);
        services.AddHostedService<StartupBanner>();
        return services;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseKunshanForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (SecurityOptions.UsesHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseAuthentication();

        // After authentication: the signed-in user's stored language is one of the choices.
        app.UseRequestLocalization();
        app.UseMiddleware<SessionCheckMiddleware>();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", options => options.WithTitle("KunshanInvest API"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapAuthEndpoints();
        app.MapAccountEndpoints();
        app.MapSectorEndpoints();
        app.MapProjectEndpoints();
        app.MapEnterpriseEndpoints();
        app.MapFollowUpSliceEndpoints();
        app.MapProjectFileEndpoints();
        app.MapFigureEndpoints();
        app.MapMilestoneEndpoints();
        app.MapLedgerEndpoints();
        app.MapEnterpriseAliasEndpoints();
        app.MapAdminUserEndpoints();
        app.MapEventEndpoints();
        app.MapAdminCatalogEndpoints();
        app.MapServiceCatalogEndpoints();
        app.MapAuditEndpoints();
        app.MapPortalEndpoints();
        app.MapRewardEndpoints();
        app.MapReportEndpoints();
        app.MapServiceReportEndpoints();
        app.MapCommitmentEndpoints();
        app.MapServiceRequestEndpoints();
        app.MapStaffFileEndpoints();
        app.MapCarrierEndpoints();
        app.MapReviewEndpoints();
        app.MapJobEndpoints();
        app.MapCarrierMatchingEndpoints();
        app.MapPipelineEndpoints();
        app.MapChannelEndpoints();
        app.MapKunshanJobs();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
