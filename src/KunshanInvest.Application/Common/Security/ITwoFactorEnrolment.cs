namespace KunshanInvest.Application.Common.Security;

/// <summary>
/// Authenticator (TOTP) enrolment for the account at hand: the signed-in user enrolling by choice, or an Admin
/// between password and first sign-in, who must enrol before anything else (ADR 0015). Implemented by the host.
/// </summary>
public interface ITwoFactorEnrolment
{
    /// <summary>The key to enrol (created on first ask), or null when nobody is signed in or waiting to enrol.</summary>
    Task<AuthenticatorSetup?> SetupAsync(CancellationToken cancellationToken);

    /// <summary>Turns the second factor on after a right code; signs a waiting Admin in.</summary>
    Task<EnrolmentResult> EnableAsync(string? code, CancellationToken cancellationToken);
}

/// <param name="Key">The base32 key in groups of four, for typing into an app; empty once enrolled.</param>
/// <param name="OtpAuthUri">The <c>otpauth://totp/…</c> URI the QR code holds; empty once enrolled.</param>
/// <param name="QrCodeDataUri">The QR code as a PNG data URI, rendered on the server; empty once enrolled.</param>
/// <param name="Required">An Admin who cannot sign in until enrolled.</param>
public sealed record AuthenticatorSetup(string UserName, string Key, string OtpAuthUri, string QrCodeDataUri, bool Enrolled, bool Required);

public abstract record EnrolmentResult
{
    /// <summary>Enrolled; the recovery codes are shown this once and never again.</summary>
    public sealed record Enabled(IReadOnlyList<string> RecoveryCodes) : EnrolmentResult;

    public sealed record WrongCode : EnrolmentResult;

    public sealed record LockedOut : EnrolmentResult;

    public sealed record NoAccount : EnrolmentResult;
}
