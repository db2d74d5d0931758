using System.Security.Claims;
using KunshanInvest.Application.Common.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KunshanInvest.Api.Security;

/// <summary>
/// The caller of the current scope: set from <see cref="HttpContext.User"/> for HTTP requests, and from the
/// authentication state for a Blazor circuit (whose scope outlives any HttpContext).
/// </summary>
internal sealed class CurrentUser : ICurrentUser
{
    public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => Principal.Identity?.Name;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}

internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser user)
    {
        user.Principal = context.User;
        return next(context);
    }
}

/// <summary>Sets <see cref="CurrentUser"/> from the circuit's authentication state before each inbound event.</summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CurrentUser user) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            user.Principal = (await authentication.GetAuthenticationStateAsync()).User;
            await next(context);
        };
}
