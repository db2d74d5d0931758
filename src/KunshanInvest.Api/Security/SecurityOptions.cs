namespace KunshanInvest.Api.Security;

/// <summary>How the app knows it is served over HTTPS, and which proxies may say so (ADR 0015).</summary>
internal sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// The app is reached over HTTPS (directly or through a TLS-terminating proxy): cookies are Secure and carry the
    /// <c>__Host-</c> prefix, and HSTS is sent. Empty means on everywhere but Development.
    /// </summary>
    public bool? Https { get; set; }

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; none = no forwarded headers are read.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of trusted proxies, besides <see cref="KnownProxies"/>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public static bool UsesHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(Section).Get<SecurityOptions>()?.Https ?? !environment.IsDevelopment();

    /// <summary>The cookie name, with the <c>__Host-</c> prefix under HTTPS (Secure, path /, no domain: a sibling host cannot plant or read it).</summary>
    public static string CookieName(string name, bool https) => https ? "__Host-" + name : name;
}
