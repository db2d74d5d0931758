using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager, refusing disabled accounts and members of suspended partner organisations wherever a
/// sign-in is checked (UI form and token endpoint).
/// </summary>
internal sealed class AppSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db)
    : SignInManager<AppUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled
        && !await db.PartnerMembers.AnyAsync(m => m.UserId == user.Id && db.Partners.Any(p => p.Id == m.PartnerId && p.Status == PartnerStatus.Suspended))
        && await base.CanSignInAsync(user);
}
