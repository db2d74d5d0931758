using System.Security.Claims;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Api.Security;

/// <summary>
/// Checks a signed-in principal against the account as it is now: it must still exist, not be disabled, and carry
/// the current security stamp (disabling and password resets renew it, ending every cookie and bearer token at
/// once). The account's roles come back from the same indexed query, so a removed role is gone on the next request.
/// </summary>
internal static class SessionCheck
{
    /// <summary>Tags the statement (an SQL comment), so diagnostics and tests can tell it from the endpoint's own.</summary>
    public const string Tag = "ki:session-check";

    /// <summary>The account's current roles, or null when the session must end.</summary>
    public static async Task<IReadOnlyList<string>?> CurrentRolesAsync(AppDbContext db, ClaimsPrincipal principal, IdentityOptions options, CancellationToken cancellationToken)
    {
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        if (!Guid.TryParse(principal.FindFirstValue(options.ClaimsIdentity.UserIdClaimType), out var id) || string.IsNullOrEmpty(stamp))
        {
            return null;
        }

        var account = await db.Users.AsNoTracking()
            .TagWith(Tag)
            .Where(u => u.Id == id)
            .Select(u => new
            {
                u.SecurityStamp,
                u.IsDisabled,
                u.TwoFactorEnabled,

                // A suspended partner organisation's members keep their session but lose every role: each protected
                // endpoint answers 403 until an administrator reinstates the organisation.
                Suspended = db.PartnerMembers.Any(m => m.UserId == u.Id && db.Partners.Any(p => p.Id == m.PartnerId && p.Status == PartnerStatus.Suspended)),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.IsDisabled || !string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            return null;
        }

        // Admin needs a second factor (ADR 0015): an account made Admin while signed in, or one whose authenticator
        // was removed, holds the role only after enrolling.
        return account.Suspended ? []
            : account.TwoFactorEnabled ? account.Roles
            : [.. account.Roles.Where(r => r != Application.Common.Security.Roles.Admin)];
    }

    /// <summary>The principal with its role claims replaced by <paramref name="roles"/>.</summary>
    public static ClaimsPrincipal WithRoles(ClaimsPrincipal principal, IReadOnlyList<string> roles, IdentityOptions options)
    {
        var roleType = options.ClaimsIdentity.RoleClaimType;
        var source = principal.Identities.First(i => i.IsAuthenticated);
        var identity = new ClaimsIdentity(source.Claims.Where(c => c.Type != roleType), source.AuthenticationType, source.NameClaimType, roleType);
        identity.AddClaims(roles.Select(r => new Claim(roleType, r)));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>Runs <see cref="SessionCheck"/> on every authenticated request, cookie or bearer; a failed check makes the request anonymous (401).</summary>
internal sealed class SessionCheckMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AppDbContext db, IOptions<IdentityOptions> options)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
        {
            var roles = await SessionCheck.CurrentRolesAsync(db, context.User, options.Value, context.RequestAborted);
            if (roles is null)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme); // drop the dead cookie
                }
            }
            else
            {
                context.User = SessionCheck.WithRoles(context.User, roles, options.Value);
            }
        }

        await next(context);
    }
}

/// <summary>
/// A Blazor circuit outlives the request that opened it: its user is re-checked every 30 seconds and the circuit is
/// signed out when the account was disabled, its stamp renewed or its roles changed.
/// </summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether the circuit's user is still the account as it is now: same stamp, enabled, same roles.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = await SessionCheck.CurrentRolesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), user, options.Value, cancellationToken);
        var held = user.FindAll(options.Value.ClaimsIdentity.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        return roles is not null && roles.Order(StringComparer.Ordinal).SequenceEqual(held, StringComparer.Ordinal);
    }
}
