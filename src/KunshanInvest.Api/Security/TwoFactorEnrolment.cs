using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace KunshanInvest.Api.Security;

/// <summary>
/// Enrols an authenticator for the signed-in user, or for the Admin waiting in <see cref="SecondStep.Enrol"/>. The
/// key is stored through the store (not ResetAuthenticatorKeyAsync, which would renew the security stamp and end the
/// session showing it); turning the factor on does renew the stamp, so every other session of the account ends and
/// this one is re-issued.
/// </summary>
internal sealed partial class TwoFactorEnrolment(
    IHttpContextAccessor http, SignInManager<AppUser> signIn, IUserStore<AppUser> store, ILogger<SignInLog> logger, TimeProvider clock) : ITwoFactorEnrolment
{
    public const string Issuer = "KunshanInvest";

    private const int RecoveryCodeCount = 10;

    public async Task<AuthenticatorSetup?> SetupAsync(CancellationToken cancellationToken)
    {
        var (user, required) = await AccountAsync();
        if (user is null)
        {
            return null;
        }

        var users = signIn.UserManager;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new AuthenticatorSetup(user.UserName!, "", "", "", Enrolled: true, required);
        }

        // A required enrolment got a new key when it began (AccountEndpoints); one by choice keeps its key across page
        // loads, so a refresh does not invalidate a QR code already scanned.
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = await NewKeyAsync(users, store, user, cancellationToken);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString($"{Issuer}:{user.UserName}")}?secret={key}&issuer={Issuer}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new AuthenticatorSetup(user.UserName!, Grouped(key), uri, "data:image/png;base64," + Convert.ToBase64String(png), Enrolled: false, required);
    }

    public async Task<EnrolmentResult> EnableAsync(string? code, CancellationToken cancellationToken)
    {
        var (user, waiting) = await AccountAsync();
        var users = signIn.UserManager;
        if (user is null || await users.GetTwoFactorEnabledAsync(user) || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return new EnrolmentResult.NoAccount();
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new EnrolmentResult.LockedOut();
        }

        var compact = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, compact))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await SecondStep.EndAsync(signIn.Context);
                return new EnrolmentResult.LockedOut();
            }

            return new EnrolmentResult.WrongCode();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await users.ResetAccessFailedCountAsync(user);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        LogEnrolled(logger, LogText.Neutralise(user.UserName), clock.GetUtcNow().UtcDateTime);
        if (waiting)
        {
            await SecondStep.SignInAsync(signIn, user);
        }
        else
        {
            await signIn.RefreshSignInAsync(user); // the new stamp, same session (its 12-hour limit unchanged)
        }

        return new EnrolmentResult.Enabled(codes);
    }

    /// <summary>
    /// Stores a new, not yet confirmed authenticator key through the store (the security stamp stays, so neither the
    /// session nor the pending second step ends) and returns it.
    /// </summary>
    public static async Task<string> NewKeyAsync(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, CancellationToken cancellationToken)
    {
        var key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
        EnsureSaved(await users.UpdateAsync(user));
        return key;
    }

    private static void EnsureSaved(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The authenticator key was not saved: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    /// <summary>The signed-in user (enrolling by choice) or the Admin waiting to enrol.</summary>
    private async Task<(AppUser? User, bool Waiting)> AccountAsync()
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Enrolment runs in a request.");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return (await signIn.UserManager.GetUserAsync(context.User), false);
        }

        var waiting = await SecondStep.PendingAsync(context, signIn.UserManager, SecondStep.Enrol);
        return (waiting, waiting is not null);
    }

    private static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();

    [LoggerMessage(EventId = SecurityEvents.AuthenticatorEnrolled, EventName = nameof(SecurityEvents.AuthenticatorEnrolled), Level = LogLevel.Information,
        Message = "Authenticator enrolled for {UserName} at {AtUtc:O}")]
    private static partial void LogEnrolled(ILogger logger, string userName, DateTime atUtc);
}
