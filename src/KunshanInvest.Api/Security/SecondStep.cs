using System.Security.Claims;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace KunshanInvest.Api.Security;

/// <summary>
/// Between a right password and a full session: the account id in Identity's short-lived two-factor cookie, with
/// what is still owed — a code (<see cref="Verify"/>) or an enrolment (<see cref="Enrol"/>). Nothing else accepts it.
/// </summary>
internal static class SecondStep
{
    public const string Verify = "verify";
    public const string Enrol = "enrol";

    private const string PurposeClaim = "ki:second-step";

    /// <summary>The account's security stamp when the step began: a password change, lock or reset since ends the step.</summary>
    private const string StampClaim = "ki:second-step-stamp";

    public static async Task BeginAsync(HttpContext context, UserManager<AppUser> users, AppUser user, string purpose)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString()));
        identity.AddClaim(new Claim(PurposeClaim, purpose));
        identity.AddClaim(new Claim(StampClaim, await users.GetSecurityStampAsync(user)));
        await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    public static async Task<AppUser?> PendingAsync(HttpContext context, UserManager<AppUser> users, string purpose)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(PurposeClaim) != purpose || result.Principal.FindFirstValue(ClaimTypes.Name) is not { } id
            || result.Principal.FindFirstValue(StampClaim) is not { Length: > 0 } stamp)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id);
        return user is not null && string.Equals(await users.GetSecurityStampAsync(user), stamp, StringComparison.Ordinal) ? user : null;
    }

    public static Task EndAsync(HttpContext context) => context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);

    /// <summary>Ends the second step and opens the UI session (cookie, 30-minute idle, 12-hour absolute).</summary>
    public static async Task SignInAsync(SignInManager<AppUser> signIn, AppUser user)
    {
        await EndAsync(signIn.Context);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await signIn.Context.SignInAsync(IdentityConstants.ApplicationScheme, principal, AuthenticationSetup.NewSession());
    }
}
