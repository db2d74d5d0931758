namespace KunshanInvest.Application.Common.Users;

/// <summary>Lengths shared by the account validators and Identity's configuration.</summary>
public static class UserFields
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;

    /// <summary>Letters, digits and . _ - @: what Identity's default allowed characters accept, minus the oddities.</summary>
    public const string UserNamePattern = "^[A-Za-z0-9._@-]+$";
}

/// <summary>An account as administrators see it.</summary>
public sealed record UserAccount(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    bool MustChangePassword,
    DateTime CreatedAtUtc);

/// <summary>
/// The account operations administrators need. Accounts live in Identity's tables (Infrastructure), whose rules —
/// password strength, unique user names and e-mails, security stamps — are applied there.
/// Failures: unknown id → <see cref="Exceptions.NotFoundException"/>; a password or user name Identity refuses →
/// FluentValidation's ValidationException naming the field; a taken user name or e-mail → <see cref="Exceptions.ConflictException"/>.
/// </summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    Task<UserAccount> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Creates the account with the roles; the user must change <paramref name="initialPassword"/> at first sign-in.</summary>
    Task<Guid> CreateAsync(string userName, string displayName, string email, IReadOnlyCollection<string> roles, string initialPassword, CancellationToken cancellationToken);

    /// <summary>Replaces the account's roles; open sessions see the new roles on their next request.</summary>
    Task SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>Disabling renews the security stamp, so every existing session ends on its next request.</summary>
    Task SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    /// <summary>Sets a temporary password the user must change at next sign-in; existing sessions end.</summary>
    Task ResetPasswordAsync(Guid id, string temporaryPassword, CancellationToken cancellationToken);
}
