using System.Globalization;
using System.Security.Claims;
using KunshanInvest.Application.Common.Messages;
using Microsoft.AspNetCore.Localization;

namespace KunshanInvest.Api.Infrastructure;

/// <summary>
/// The reader's language, chosen once per request by the localisation middleware. The API answers in the
/// request's Accept-Language, else this browser's choice (cookie), else the signed-in user's stored choice, else zh-CN. The pages never follow the
/// browser's language (Chinese first): only the choice made in the app bar (the user's, or this browser's cookie).
/// </summary>
internal static class ReaderCulture
{
    /// <summary>The signed-in user's stored language (en-US or zh-CN), carried in the sign-in principal.</summary>
    public const string LanguageClaim = "ki:language"; // AppClaimsPrincipalFactory.LanguageClaim

    public static CultureInfo Of(HttpContext context) =>
        Messages.Normalise(context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture);

    public static void Configure(RequestLocalizationOptions options)
    {
        CultureInfo[] cultures = [new("zh-CN"), new("en-US")];
        options.DefaultRequestCulture = new RequestCulture("zh-CN");
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new ApiAcceptLanguageProvider { Options = options },
            new QueryStringRequestCultureProvider { Options = options },
            new CookieRequestCultureProvider { Options = options },
            new UserLanguageProvider { Options = options },
        ];
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Accept-Language, for API calls only: a browser's header must not turn the pages English.</summary>
    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            IsApi(httpContext.Request) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
    }

    private sealed class UserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(httpContext.User.FindFirstValue(LanguageClaim) is { Length: > 0 } language
                ? new ProviderCultureResult(language)
                : null);
    }
}
