namespace KunshanInvest.Application.Common.Security;

/// <summary>Names of bureau users for display, from the identity store (which Application cannot see).</summary>
public interface IUserDirectory
{
    /// <summary>Display names of the given users, in one query; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Whether the user exists, is not locked out, and holds one of the roles.</summary>
    Task<bool> IsActiveInRoleAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);
}
