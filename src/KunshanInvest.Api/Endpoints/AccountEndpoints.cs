using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using KunshanInvest.Api.Security;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// The UI's form posts: sign-in, its second step (authenticator or recovery code), change of a must-change password,
/// sign-out, language. Antiforgery-checked. Enrolment is a form on the /account/two-factor page itself.
/// </summary>
internal static partial class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        account.MapPost("/change-password", ChangePasswordAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        account.MapPost("/two-factor/verify", VerifyAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        // Logout binds no form field, so antiforgery must be asked for explicitly.
        account.MapPost("/logout", LogoutAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapGet("/culture", SetCulture).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<RedirectHttpResult> LoginAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn, ILogger<SignInLog> logger)
    {
        var back = SafeLocal(returnUrl);
        var outcome = await PasswordCheck.RunAsync(signIn, userName, password, logger);
        return outcome switch
        {
            PasswordCheck.Outcome.MustChange(var user) => TypedResults.LocalRedirect($"/account/change-password?userName={Uri.EscapeDataString(user.UserName!)}&returnUrl={Uri.EscapeDataString(back)}"),
            _ => await ContinueAsync(signIn, outcome, back),
        };
    }

    /// <summary>Where a checked password (or code) leads: the session, the second step, the forced enrolment, or back to sign-in.</summary>
    private static async Task<RedirectHttpResult> ContinueAsync(SignInManager<AppUser> signIn, PasswordCheck.Outcome outcome, string back)
    {
        switch (outcome)
        {
            case PasswordCheck.Outcome.Ok(var user):
                await SecondStep.SignInAsync(signIn, user);
                return TypedResults.LocalRedirect(back);
            case PasswordCheck.Outcome.TwoFactorRequired(var user):
                await SecondStep.BeginAsync(signIn.Context, signIn.UserManager, user, SecondStep.Verify);
                return TypedResults.LocalRedirect($"/account/two-factor/verify?returnUrl={Uri.EscapeDataString(back)}");
            case PasswordCheck.Outcome.EnrolmentRequired(var user):
                // A required enrolment always starts from a new key: whoever saw one shown earlier and never confirmed holds nothing.
                await TwoFactorEnrolment.NewKeyAsync(signIn.UserManager, signIn.Context.RequestServices.GetRequiredService<IUserStore<AppUser>>(), user, signIn.Context.RequestAborted);
                await SecondStep.BeginAsync(signIn.Context, signIn.UserManager, user, SecondStep.Enrol);
                return TypedResults.LocalRedirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(back)}");
            case PasswordCheck.Outcome.LockedOut:
                await SecondStep.EndAsync(signIn.Context);
                return TypedResults.LocalRedirect($"/account/login?error=locked&returnUrl={Uri.EscapeDataString(back)}");
            default:
                return TypedResults.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
        }
    }

    private static async Task<RedirectHttpResult> VerifyAsync([FromForm] string? code, [FromForm] string? returnUrl, SignInManager<AppUser> signIn, ILogger<SignInLog> logger)
    {
        var back = SafeLocal(returnUrl);
        var user = await SecondStep.PendingAsync(signIn.Context, signIn.UserManager, SecondStep.Verify);
        if (user is null)
        {
            return TypedResults.LocalRedirect($"/account/login?error=expired&returnUrl={Uri.EscapeDataString(back)}");
        }

        var outcome = await PasswordCheck.SecondFactorAsync(signIn, user, code, logger);
        return outcome is PasswordCheck.Outcome.Invalid
            ? TypedResults.LocalRedirect($"/account/two-factor/verify?error=invalid&returnUrl={Uri.EscapeDataString(back)}")
            : await ContinueAsync(signIn, outcome, back);
    }

    private static async Task<RedirectHttpResult> ChangePasswordAsync(
        [FromForm] string? userName, [FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword, [FromForm] string? twoFactorCode,
        [FromForm] string? returnUrl, SignInManager<AppUser> signIn, ILogger<SignInLog> logger)
    {
        var back = SafeLocal(returnUrl);
        var again = $"/account/change-password?userName={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(back)}";
        if (newPassword is null || newPassword != confirmPassword)
        {
            return TypedResults.LocalRedirect(again + "&error=mismatch");
        }

        var result = await PasswordCheck.ChangeAsync(signIn, userName, currentPassword, newPassword, twoFactorCode, signingIn: true, logger);
        return result switch
        {
            // The code given with the change was the second step: asking for another would only wait for the next one.
            PasswordCheck.Change.Changed(var user, true) => await ContinueAsync(signIn, new PasswordCheck.Outcome.Ok(user), back),
            PasswordCheck.Change.Changed(var user, false) => await ContinueAsync(signIn, await PasswordCheck.AfterPasswordAsync(signIn, user, logger), back),
            PasswordCheck.Change.TwoFactorRequired => TypedResults.LocalRedirect(again + "&error=two-factor"),
            PasswordCheck.Change.Rejected => TypedResults.LocalRedirect(again + "&error=policy"),
            _ => TypedResults.LocalRedirect(again + "&error=invalid"),
        };
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> LogoutAsync(SignInManager<AppUser> signIn, HttpContext context)
    {
        // The middleware only records the token check; endpoints that bind no form field must read the verdict.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: M.Antiforgery.ToString());
        }

        // The cookie is self-contained: dropping it in this browser would leave a copied one valid on every app
        // instance. A new security stamp ends it everywhere (SessionCheckMiddleware), with the account's other sessions.
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    /// <summary>
    /// The app bar's language switch: this browser's cookie, and for a signed-in user the account's stored choice, so
    /// the next sign-in (another browser, a bearer token) starts in it. The session's principal is refreshed to carry it.
    /// </summary>
    private static async Task<RedirectHttpResult> SetCulture(string? culture, string? redirectUri, HttpContext context, SignInManager<AppUser> signIn)
    {
        var chosen = culture is "en" or "en-US" ? "en-US" : "zh-CN";
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        if (context.User.Identity?.IsAuthenticated == true
            && await signIn.UserManager.GetUserAsync(context.User) is { } user
            && user.Language != chosen)
        {
            user.Language = chosen;
            await signIn.UserManager.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return TypedResults.LocalRedirect(SafeLocal(redirectUri));
    }

    /// <summary>Only local paths: an open redirect after sign-in is a phishing aid (control characters would make LocalRedirect throw).</summary>
    internal static string SafeLocal(string? url) => Web.Components.LocalUrl.IsLocal(url) ? url! : "/";
}
