using Mediator;

namespace KunshanInvest.Web.Components.Reports;

/// <summary>
/// Sends a query in a scope of its own (its own DbContext, the circuit's user copied in), so dashboard panels load
/// at the same time instead of taking turns at the circuit's one DbContext (UnitOfWorkTurn): the page waits for its
/// slowest panel, not for the sum of them.
/// </summary>
public interface IPanelSender
{
    Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default);
}
