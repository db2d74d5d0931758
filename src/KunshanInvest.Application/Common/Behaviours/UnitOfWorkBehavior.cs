using Mediator;

namespace KunshanInvest.Application.Common.Behaviours;

/// <summary>
/// Each request starts from a clean unit of work and a failed one leaves nothing behind. An HTTP request gets a new
/// DbContext anyway, but a Blazor circuit keeps one for the whole page session: without this, a refused edit (a stage
/// gate, a stale version) would stay tracked and be written by the user's next, unrelated save, and entities read
/// earlier in the session would shadow what others have saved since.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IAppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        db.DiscardChanges();
        try
        {
            return await next(message, cancellationToken);
        }
        catch
        {
            db.DiscardChanges();
            throw;
        }
    }
}
