using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Infrastructure.Identity;

/// <summary>Adds the display name (e.g. 招商专员 王晓) and the chosen language to the sign-in principal.</summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string DisplayNameClaim = "ki:display_name";

    /// <summary>The user's chosen language; the localisation middleware reads it (the API's ReaderCulture).</summary>
    public const string LanguageClaim = "ki:language";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (!string.IsNullOrEmpty(user.Language))
        {
            identity.AddClaim(new Claim(LanguageClaim, user.Language));
        }

        return identity;
    }
}
