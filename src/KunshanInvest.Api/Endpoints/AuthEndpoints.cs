using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using KunshanInvest.Api.Security;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Api.Endpoints;

/// <summary>Bearer tokens for API clients: the same password rules and lockout as the UI's sign-in.</summary>
internal static class AuthEndpoints
{
    /// <param name="TwoFactorCode">The authenticator's 6-digit code, or a recovery code, for an account with a second factor.</param>
    public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode = null);

    /// <param name="TwoFactorCode">For an account with a second factor: the authenticator's 6-digit code, or a recovery code.</param>
    public sealed record ChangePasswordRequest(string? UserName, string? CurrentPassword, string? NewPassword, string? TwoFactorCode = null);

    public sealed record Me(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/token", TokenAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery()
            .WithSummary("Exchange a user name and password (and, with a second factor, twoFactorCode) for a bearer token (1 hour).");
        auth.MapPost("/change-password", ChangePasswordAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery()
            .WithSummary("Change a password with the current one (and, with a second factor, twoFactorCode); required before a seeded or reset account can sign in.");
        auth.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("The signed-in user and roles.");
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> TokenAsync(TokenRequest request, SignInManager<AppUser> signIn, ILogger<SignInLog> logger)
    {
        var outcome = await PasswordCheck.RunAsync(signIn, request.UserName, request.Password, logger);
        if (outcome is PasswordCheck.Outcome.TwoFactorRequired(var pending) && !string.IsNullOrWhiteSpace(request.TwoFactorCode))
        {
            outcome = await PasswordCheck.SecondFactorAsync(signIn, pending, request.TwoFactorCode, logger);
        }

        switch (outcome)
        {
            case PasswordCheck.Outcome.Ok(var user):
                // The bearer handler writes the token response itself.
                var principal = await signIn.CreateUserPrincipalAsync(user);
                await signIn.Context.SignInAsync(IdentityConstants.BearerScheme, principal);
                return TypedResults.Empty;
            case PasswordCheck.Outcome.MustChange:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: M.MustChangePassword.ToString(),
                    extensions: new Dictionary<string, object?> { ["code"] = "password_change_required" });
            case PasswordCheck.Outcome.TwoFactorRequired:
                return TwoFactorRequired();
            case PasswordCheck.Outcome.EnrolmentRequired:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: M.MustEnrolTotp.ToString(),
                    detail: "Administrators need a second factor: sign in once in the browser and enrol an authenticator app at /account/two-factor.",
                    extensions: new Dictionary<string, object?> { ["code"] = "two_factor_enrolment_required" });
            case PasswordCheck.Outcome.LockedOut:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: M.LockedOut.ToString());
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: M.WrongCredentials.ToString());
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePasswordAsync(ChangePasswordRequest request, SignInManager<AppUser> signIn, ILogger<SignInLog> logger)
    {
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [M.Required.ToString()] });
        }

        var result = await PasswordCheck.ChangeAsync(signIn, request.UserName, request.CurrentPassword, request.NewPassword, request.TwoFactorCode, signingIn: false, logger);
        return result switch
        {
            PasswordCheck.Change.Changed => TypedResults.NoContent(),
            PasswordCheck.Change.TwoFactorRequired => TwoFactorRequired(),
            PasswordCheck.Change.Rejected(var reasons) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [reasons] }),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: M.WrongCredentials.ToString()),
        };
    }

    private static ProblemHttpResult TwoFactorRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: M.TotpRequired.ToString(),
            detail: "Send the authenticator app's 6-digit code (or a recovery code) as twoFactorCode with the user name and password.",
            extensions: new Dictionary<string, object?> { ["code"] = "two_factor_required" });

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new Me(user.Id, user.UserName!, user.DisplayName, [.. roles.Order(StringComparer.Ordinal)]));
    }
}
