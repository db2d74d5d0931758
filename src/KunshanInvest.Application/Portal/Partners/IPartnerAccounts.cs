using KunshanInvest.Domain.Partners;

namespace KunshanInvest.Application.Portal.Partners;

/// <summary>A partner user's account details, as typed at registration or by the founding colleague.</summary>
public sealed record PartnerAccount(string UserName, string DisplayName, string Email, string Password);

/// <summary>
/// Creates partner accounts (Identity, Infrastructure) together with their membership, in one transaction: a new
/// organisation and its founder, or a colleague of an existing one.
/// Failures as <see cref="Common.Users.IUserAdministration"/>: taken user name or e-mail → 409; refused password → 400.
/// </summary>
public interface IPartnerAccounts
{
    /// <summary>Saves <paramref name="partner"/> (new) and its founder; the founder chose the password.</summary>
    Task<Guid> RegisterAsync(Partner partner, PartnerAccount founder, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>A colleague in <paramref name="partnerId"/>, who must change the initial password at first sign-in.</summary>
    /// <summary>The organisation's members, founder first (one query).</summary>
    Task<IReadOnlyList<ColleagueDto>> MembersAsync(Guid partnerId, CancellationToken cancellationToken);

    Task<Guid> AddColleagueAsync(Guid partnerId, PartnerAccount colleague, DateTime nowUtc, CancellationToken cancellationToken);
}
