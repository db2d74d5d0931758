using KunshanInvest.Web.Components.Reports;
using Mediator;

namespace KunshanInvest.Api.Security;

/// <summary>A new scope per query, with the caller's principal: the same authorisation and officer scope as the circuit's own requests.</summary>
internal sealed class ScopedPanelSender(IServiceScopeFactory scopes, CurrentUser user) : IPanelSender
{
    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = user.Principal;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }
}
