using System.Reflection;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace KunshanInvest.Application.Common.Behaviours;

/// <summary>
/// Deny by default: a request must carry [AuthorizeRequest] or [AnonymousRequest], and its roles are checked here.
/// Every refusal is logged (who, which request, when; UI calls reach here without passing HTTP authorisation).
/// </summary>
public sealed partial class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user, ILogger<AuthorizationBehavior<TMessage, TResponse>> logger, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly bool Anonymous = typeof(TMessage).GetCustomAttribute<AnonymousRequestAttribute>() is not null;
    private static readonly AuthorizeRequestAttribute[] Rules = [.. typeof(TMessage).GetCustomAttributes<AuthorizeRequestAttribute>()];

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!Anonymous)
        {
            if (Rules.Length == 0)
            {
                throw new InvalidOperationException($"{typeof(TMessage).Name} declares neither [AuthorizeRequest] nor [AnonymousRequest].");
            }

            if (!user.IsAuthenticated)
            {
                LogDenied(typeof(TMessage).Name, "", "unauthenticated", clock.GetUtcNow().UtcDateTime);
                throw new UnauthenticatedException();
            }

            foreach (var rule in Rules)
            {
                var roles = rule.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (roles.Length > 0 && !roles.Any(user.IsInRole))
                {
                    LogDenied(typeof(TMessage).Name, LogText.Neutralise(user.UserName), "role", clock.GetUtcNow().UtcDateTime);
                    throw new ForbiddenAccessException();
                }
            }
        }

        return next(message, cancellationToken);
    }

    [LoggerMessage(EventId = SecurityEvents.RequestDenied, EventName = nameof(SecurityEvents.RequestDenied), Level = LogLevel.Warning,
        Message = "Request {Request} denied for {UserName}: {Reason} at {AtUtc:O}")]
    private partial void LogDenied(string request, string userName, string reason, DateTime atUtc);
}
