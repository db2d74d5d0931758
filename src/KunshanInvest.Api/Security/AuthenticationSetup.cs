using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KunshanInvest.Api.Security;

internal static class AuthenticationSetup
{
    /// <summary>Picks the bearer handler when the request carries a bearer token, else the Identity cookie.</summary>
    public const string Smart = "Smart";

    /// <summary>等保 L3: idle sessions end after 30 minutes, any session after 12 hours.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>The partly signed-in state between the password and the second factor (or the forced enrolment): 5 minutes.</summary>
    public static readonly TimeSpan SecondStepTimeout = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddKunshanAuthentication(this IServiceCollection services, bool https)
    {
        var secure = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Smart;
                options.DefaultChallengeScheme = Smart;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Smart, "Cookie or bearer", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = SecurityOptions.CookieName("ki.auth", https);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secure;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/denied";
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    OnSigningIn = StampFirstIssue,
                    OnValidatePrincipal = EnforceAbsoluteTimeout,
                    OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden),
                };
            });
        services.AddAuthentication()
            .AddCookie(IdentityConstants.ExternalScheme)
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, options =>
            {
                options.Cookie.Name = SecurityOptions.CookieName("ki.2fa", https);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = secure;
                options.ExpireTimeSpan = SecondStepTimeout;
                options.SlidingExpiration = false;
            });

        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, DeniedAuthorizationLog>();
        // Sessions are checked against the account on every request (SessionCheckMiddleware); Blazor circuits every 30 s.
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Application.Common.Security.ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<Web.Components.Reports.IPanelSender, ScopedPanelSender>();
        return services;
    }

    private static Task StampFirstIssue(CookieSigningInContext context)
    {
        // A refresh (security stamp validation) keeps the original stamp; only a new session gets one.
        context.Properties.Items.TryAdd(FirstIssued, context.Options.TimeProvider!.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    private static async Task EnforceAbsoluteTimeout(CookieValidatePrincipalContext context)
    {
        // Sliding renewal re-issues the cookie, so the 12-hour limit counts from the first issue, kept in the ticket.
        // A ticket without the stamp is not trusted to be young.
        var now = context.Options.TimeProvider!.GetUtcNow();
        if (!context.Properties.Items.TryGetValue(FirstIssued, out var first)
            || !DateTimeOffset.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var firstIssued)
            || now - firstIssued > AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private const string FirstIssued = ".firstIssued";

    /// <summary>Cookie properties for a new UI session (the first issue time is stamped on signing in).</summary>
    public static AuthenticationProperties NewSession() => new() { IsPersistent = false };
}
