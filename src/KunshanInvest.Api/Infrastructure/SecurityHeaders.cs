namespace KunshanInvest.Api.Infrastructure;

internal static class SecurityHeaders
{
    /// <summary>
    /// CSP fit for Blazor Server (its script and the circuit's WebSocket are same-origin; MudBlazor sets inline
    /// styles), plus nosniff, referrer and framing rules. The Scalar reference loads its own bundle and inline script.
    /// base-uri is 'none' on every response except HTML documents, which get 'self': Blazor resolves its routes
    /// (NavigationManager.BaseUri) and assets against &lt;base href="/"&gt;, and a blocked base breaks every page
    /// below the root (ADR 0015). No inline script runs (hence no import map).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                var baseUri = html ? "'self'" : "'none'";
                var scripts = context.Request.Path.StartsWithSegments("/scalar") ? "'self' 'unsafe-inline' https://cdn.jsdelivr.net" : "'self'";
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                    $"connect-src 'self'; object-src 'none'; base-uri {baseUri}; frame-ancestors 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next();
        });
}
