using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KunshanInvest.Api.Security;

/// <summary>Marker type for the sign-in log category.</summary>
internal sealed class SignInLog;

/// <summary>
/// The password check shared by the UI form and the token endpoint: lockout after 5 failures, no sign-in for an
/// account that must change its password, and every success and failure logged (user name only, never secrets).
/// </summary>
internal static partial class PasswordCheck
{
    public abstract record Outcome
    {
        public sealed record Ok(AppUser User) : Outcome;
        public sealed record MustChange(AppUser User) : Outcome;
        public sealed record LockedOut : Outcome;
        public sealed record Invalid : Outcome;
    }

    public abstract record Change
    {
        public sealed record Changed(AppUser User) : Change;
        public sealed record Rejected(string Reasons) : Change;
        public sealed record Invalid : Change;
    }

    public static async Task<Outcome> RunAsync(SignInManager<AppUser> signIn, string? userName, string? password, ILogger logger)
    {
        var name = Sanitize(userName);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            LogFailure(logger, name, "missing");
            return new Outcome.Invalid();
        }

        var user = await signIn.UserManager.FindByNameAsync(userName) ?? await signIn.UserManager.FindByEmailAsync(userName);
        if (user is null)
        {
            LogFailure(logger, name, "unknown");
            return new Outcome.Invalid();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogFailure(logger, name, "locked-out");
            return new Outcome.LockedOut();
        }

        if (!result.Succeeded)
        {
            LogFailure(logger, name, result.IsNotAllowed ? "not-allowed" : "bad-password");
            return new Outcome.Invalid();
        }

        if (user.MustChangePassword)
        {
            LogFailure(logger, name, "must-change-password");
            return new Outcome.MustChange(user);
        }

        LogSuccess(logger, name);
        return new Outcome.Ok(user);
    }

    public static async Task<Change> ChangeAsync(SignInManager<AppUser> signIn, string? userName, string? currentPassword, string newPassword, ILogger logger)
    {
        var outcome = await RunAsync(signIn, userName, currentPassword, logger);
        var user = outcome switch
        {
            Outcome.Ok ok => ok.User,
            Outcome.MustChange must => must.User,
            _ => null,
        };
        if (user is null)
        {
            return new Change.Invalid();
        }

        // A reset or new account starts from a password the admin knows; keeping it would defeat the forced change.
        if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
        {
            return new Change.Rejected("新密码不能与当前密码相同 / The new password must differ from the current one.");
        }

        var changed = await signIn.UserManager.ChangePasswordAsync(user, currentPassword!, newPassword);
        if (!changed.Succeeded)
        {
            return new Change.Rejected(string.Join(" ", changed.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(user);
        LogPasswordChanged(logger, Sanitize(userName));
        return new Change.Changed(user);
    }

    /// <summary>Neutralises line breaks so a crafted user name cannot forge log lines.</summary>
    private static string Sanitize(string? value) =>
        value is null ? "" : value.Length > 64 ? Sanitize(value[..64]) + "…" : value.Replace('\r', '_').Replace('\n', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in succeeded for {UserName}")]
    private static partial void LogSuccess(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for {UserName}: {Reason}")]
    private static partial void LogFailure(ILogger logger, string userName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password changed for {UserName}")]
    private static partial void LogPasswordChanged(ILogger logger, string userName);
}
