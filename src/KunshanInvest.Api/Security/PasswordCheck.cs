using KunshanInvest.Application.Common.Security;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Api.Security;

/// <summary>Marker type for the sign-in log category.</summary>
internal sealed class SignInLog;

/// <summary>
/// The password check shared by the UI form and the token endpoint: lockout after 5 failures, no sign-in for an
/// account that must change its password, a second factor for an account with an authenticator (wrong codes count
/// towards the same lockout), no sign-in for an Admin without one, and every success and failure logged (user name
/// only, never secrets). See ADR 0015.
/// </summary>
internal static partial class PasswordCheck
{
    private const int AuthenticatorCodeLength = 6;

    public abstract record Outcome
    {
        public sealed record Ok(AppUser User) : Outcome;
        public sealed record MustChange(AppUser User) : Outcome;

        /// <summary>The password was right; an authenticator code (or a recovery code) must follow.</summary>
        public sealed record TwoFactorRequired(AppUser User) : Outcome;

        /// <summary>The password was right, but an Admin without an authenticator must enrol one before signing in.</summary>
        public sealed record EnrolmentRequired(AppUser User) : Outcome;
        public sealed record LockedOut : Outcome;
        public sealed record Invalid : Outcome;
    }

    public abstract record Change
    {
        /// <param name="SecondFactorGiven">The account's second factor was checked for the change (a sign-in needs no further code).</param>
        public sealed record Changed(AppUser User, bool SecondFactorGiven) : Change;

        /// <summary>The password was right, but the account has a second factor and no code came with the change.</summary>
        public sealed record TwoFactorRequired : Change;
        public sealed record Rejected(string Reasons) : Change;
        public sealed record Invalid : Change;
    }

    public static async Task<Outcome> RunAsync(SignInManager<AppUser> signIn, string? userName, string? password, ILogger logger)
    {
        var clock = signIn.Context.RequestServices.GetRequiredService<TimeProvider>();
        var name = Sanitize(userName);
        // No account's name or address holds a control character or runs past Identity's 256 columns; PostgreSQL
        // refuses a NUL in a text parameter outright, so such a name must not reach the lookup (it would be a 500).
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 256 || userName.Any(char.IsControl))
        {
            LogFailure(logger, clock.GetUtcNow().UtcDateTime, name, "missing");
            return new Outcome.Invalid();
        }

        var user = await signIn.UserManager.FindByNameAsync(userName) ?? await signIn.UserManager.FindByEmailAsync(userName);
        if (user is null)
        {
            LogFailure(logger, clock.GetUtcNow().UtcDateTime, name, "unknown");
            return new Outcome.Invalid();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogFailure(logger, clock.GetUtcNow().UtcDateTime, name, "locked-out");
            return new Outcome.LockedOut();
        }

        if (!result.Succeeded)
        {
            LogFailure(logger, clock.GetUtcNow().UtcDateTime, name, result.IsNotAllowed ? "not-allowed" : "bad-password");
            return new Outcome.Invalid();
        }

        if (user.MustChangePassword)
        {
            LogFailure(logger, clock.GetUtcNow().UtcDateTime, name, "must-change-password");
            return new Outcome.MustChange(user);
        }

        return await AfterPasswordAsync(signIn, user, logger);
    }

    /// <summary>What a right password leads to: signed in, a second factor to give, or an authenticator to enrol.</summary>
    public static async Task<Outcome> AfterPasswordAsync(SignInManager<AppUser> signIn, AppUser user, ILogger logger)
    {
        var at = signIn.Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var name = Sanitize(user.UserName);
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            LogSecondFactorRequired(logger, at, name);
            return new Outcome.TwoFactorRequired(user);
        }

        if (await signIn.UserManager.IsInRoleAsync(user, Roles.Admin))
        {
            LogFailure(logger, at, name, "two-factor-enrolment-required");
            return new Outcome.EnrolmentRequired(user);
        }

        LogSuccess(logger, at, name, "password");
        return new Outcome.Ok(user);
    }

    /// <summary>
    /// The second step: a 6-digit authenticator code (each accepted once) or a recovery code (each usable once). A
    /// wrong one counts as a failed sign-in, so five wrong passwords or codes together lock the account.
    /// </summary>
    public static async Task<Outcome> SecondFactorAsync(SignInManager<AppUser> signIn, AppUser user, string? code, ILogger logger, bool signingIn = true)
    {
        var users = signIn.UserManager;
        var at = signIn.Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var name = Sanitize(user.UserName);
        if (await users.IsLockedOutAsync(user))
        {
            LogFailure(logger, at, name, "locked-out");
            return new Outcome.LockedOut();
        }

        if (!await signIn.CanSignInAsync(user))
        {
            LogFailure(logger, at, name, "not-allowed");
            return new Outcome.Invalid();
        }

        var compact = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var isAuthenticatorCode = compact.Length == AuthenticatorCodeLength && compact.All(char.IsAsciiDigit);
        var accepted = compact.Length > 0 && compact.Length <= 32 && (isAuthenticatorCode
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, compact)
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, compact.ToUpperInvariant())).Succeeded);
        if (!accepted)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            LogFailure(logger, at, name, locked ? "locked-out" : compact.Length == 0 ? "missing-code" : "bad-code");
            return locked ? new Outcome.LockedOut() : new Outcome.Invalid();
        }

        await users.ResetAccessFailedCountAsync(user);
        if (signingIn)
        {
            LogSuccess(logger, at, name, isAuthenticatorCode ? "password+authenticator" : "password+recovery-code");
        }

        return new Outcome.Ok(user);
    }

    /// <summary>
    /// A credential change needs every factor the account has: the current password, and for an account with an
    /// authenticator a code (or recovery code) checked like the sign-in's second step — each accepted once, a wrong one
    /// counting towards the lockout. An account that must change its password (reset, new, seeded) or an Admin still to
    /// enrol has only the password to give. <paramref name="signingIn"/>: the change opens a session (the form), so an
    /// accepted code is logged as a sign-in.
    /// </summary>
    public static async Task<Change> ChangeAsync(
        SignInManager<AppUser> signIn, string? userName, string? currentPassword, string newPassword, string? twoFactorCode, bool signingIn, ILogger logger)
    {
        var outcome = await RunAsync(signIn, userName, currentPassword, logger);
        var user = outcome switch
        {
            Outcome.Ok ok => ok.User,
            Outcome.MustChange must => must.User,
            Outcome.TwoFactorRequired pending => pending.User,
            Outcome.EnrolmentRequired pending => pending.User,
            _ => null,
        };
        if (user is null)
        {
            return new Change.Invalid();
        }

        var needsCode = outcome is Outcome.TwoFactorRequired;
        if (needsCode && string.IsNullOrWhiteSpace(twoFactorCode))
        {
            return new Change.TwoFactorRequired();
        }

        // A reset or new account starts from a password the admin knows; keeping it would defeat the forced change.
        if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
        {
            return new Change.Rejected(M.PasswordSame.ToString());
        }

        var users = signIn.UserManager;
        if (needsCode)
        {
            // The policy first, so a refused new password does not use up the code (each is accepted once).
            var policy = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, user, newPassword);
                policy.AddRange(checkedPassword.Errors);
            }

            if (policy.Count > 0)
            {
                return new Change.Rejected(string.Join(" ", policy.Select(e => e.Description)));
            }

            if (await SecondFactorAsync(signIn, user, twoFactorCode, logger, signingIn) is not Outcome.Ok)
            {
                return new Change.Invalid();
            }
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword);
        if (!changed.Succeeded)
        {
            return new Change.Rejected(string.Join(" ", changed.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        LogPasswordChanged(logger, signIn.Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, Sanitize(userName));
        return new Change.Changed(user, needsCode);
    }

    private static string Sanitize(string? value) => LogText.Neutralise(value);

    [LoggerMessage(EventId = SecurityEvents.SignInSucceeded, EventName = nameof(SecurityEvents.SignInSucceeded), Level = LogLevel.Information,
        Message = "Sign-in succeeded for {UserName} by {Method} at {AtUtc:O}")]
    private static partial void LogSuccess(ILogger logger, DateTime atUtc, string userName, string method);

    [LoggerMessage(EventId = SecurityEvents.SignInFailed, EventName = nameof(SecurityEvents.SignInFailed), Level = LogLevel.Warning,
        Message = "Sign-in failed for {UserName}: {Reason} at {AtUtc:O}")]
    private static partial void LogFailure(ILogger logger, DateTime atUtc, string userName, string reason);

    [LoggerMessage(EventId = SecurityEvents.SecondFactorRequired, EventName = nameof(SecurityEvents.SecondFactorRequired), Level = LogLevel.Information,
        Message = "Password accepted for {UserName}, second factor required at {AtUtc:O}")]
    private static partial void LogSecondFactorRequired(ILogger logger, DateTime atUtc, string userName);

    [LoggerMessage(EventId = SecurityEvents.PasswordChanged, EventName = nameof(SecurityEvents.PasswordChanged), Level = LogLevel.Information,
        Message = "Password changed for {UserName} at {AtUtc:O}")]
    private static partial void LogPasswordChanged(ILogger logger, DateTime atUtc, string userName);
}
