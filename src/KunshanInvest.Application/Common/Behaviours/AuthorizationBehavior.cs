using System.Reflection;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Common.Behaviours;

/// <summary>Deny by default: a request must carry [AuthorizeRequest] or [AnonymousRequest], and its roles are checked here.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
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
                throw new UnauthenticatedException();
            }

            foreach (var rule in Rules)
            {
                var roles = rule.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (roles.Length > 0 && !roles.Any(user.IsInRole))
                {
                    throw new ForbiddenAccessException();
                }
            }
        }

        return next(message, cancellationToken);
    }
}
