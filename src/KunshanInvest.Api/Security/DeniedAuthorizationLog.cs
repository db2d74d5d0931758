using KunshanInvest.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace KunshanInvest.Api.Security;

/// <summary>
/// Logs every request the authorisation middleware refuses (401 challenge or 403 forbid) as a security event, then
/// lets the framework's own handler answer as before. Refusals inside the Mediator pipeline are logged by
/// AuthorizationBehavior.
/// </summary>
internal sealed partial class DeniedAuthorizationLog(ILogger<DeniedAuthorizationLog> logger, TimeProvider clock) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            LogDenied(
                authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                context.Request.Method,
                LogText.Neutralise(context.Request.Path.Value),
                LogText.Neutralise(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null),
                clock.GetUtcNow().UtcDateTime);
        }

        return _inner.HandleAsync(next, context, policy, authorizeResult);
    }

    [LoggerMessage(EventId = SecurityEvents.AuthorizationDenied, EventName = nameof(SecurityEvents.AuthorizationDenied), Level = LogLevel.Warning,
        Message = "Authorisation denied ({Status}) for {Method} {Path} to {UserName} at {AtUtc:O}")]
    private partial void LogDenied(int status, string method, string path, string userName, DateTime atUtc);
}
