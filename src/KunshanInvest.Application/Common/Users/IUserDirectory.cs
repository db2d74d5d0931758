namespace KunshanInvest.Application.Common.Users;

/// <summary>
/// What use cases need to know about user accounts, which live in Identity's tables (Infrastructure): Application
/// never sees the account type itself.
/// </summary>
public interface IUserDirectory
{
    /// <summary>Display names of the given users (their user name where none is set), in one query; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Whether the user exists, is not disabled and holds a staff role (Admin, Manager, Officer): only staff can be given bureau work.</summary>
    Task<bool> IsStaffAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Whether the user exists, is neither disabled nor locked out, and holds one of <paramref name="roles"/> (e.g. a project's owner).</summary>
    Task<bool> IsActiveInRoleAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>The e-mail address, display name and chosen language of the given users that have an address, in one query.</summary>
    Task<IReadOnlyDictionary<Guid, Mailbox>> MailboxesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The ids of the enabled users holding <paramref name="role"/>, in one query.</summary>
    Task<IReadOnlyList<Guid>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>
    /// Enabled staff (Admin, Manager, Officer) by user name, compared case-insensitively (Identity's normalised name), in one
    /// query; the keys are the names as asked for. Unknown, disabled or non-staff names are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, Guid>> StaffByUserNameAsync(IEnumerable<string> userNames, CancellationToken cancellationToken);

    /// <summary>The language each of the given users chose (<c>en-US</c>, <c>zh-CN</c>), in one query; users who chose none are absent.</summary>
    Task<IReadOnlyDictionary<Guid, string>> LanguagesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>Where a user's e-mail goes, and the language (<see cref="Language"/>, null for none chosen) it is worded in.</summary>
public sealed record Mailbox(string Address, string Name, string? Language = null);
