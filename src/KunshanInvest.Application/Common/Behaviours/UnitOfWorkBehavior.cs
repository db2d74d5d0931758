using Mediator;

namespace KunshanInvest.Application.Common.Behaviours;

/// <summary>
/// Each request starts from a clean unit of work and a failed one leaves nothing behind. An HTTP request gets a new
/// DbContext anyway, but a Blazor circuit keeps one for the whole page session: without this, a refused edit (a stage
/// gate, a stale version) would stay tracked and be written by the user's next, unrelated save, and entities read
/// earlier in the session would shadow what others have saved since.
/// Requests of one scope also take turns (<see cref="UnitOfWorkTurn"/>): two components of one page load their data
/// at the same time, and a DbContext serves one operation at a time — on PostgreSQL the second would fail.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IAppDbContext db, UnitOfWorkTurn turn) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (turn.IsHeldByThisFlow)
        {
            // A request sent from inside a handler (e.g. the report export) belongs to its sender's unit of work.
            return await next(message, cancellationToken);
        }

        await turn.TakeAsync(cancellationToken);
        try
        {
            db.DiscardChanges();
            return await next(message, cancellationToken);
        }
        catch
        {
            db.DiscardChanges();
            throw;
        }
        finally
        {
            turn.Release();
        }
    }
}

/// <summary>One scope's turn at its DbContext: requests wait for each other; nested requests of the holder pass.</summary>
public sealed class UnitOfWorkTurn : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<bool> _heldHere = new();

    /// <summary>True inside the asynchronous flow that holds the turn (and the flows it starts).</summary>
    public bool IsHeldByThisFlow => _heldHere.Value;

    /// <summary>
    /// Waits for the turn and marks the caller's flow as holding it. Not async on purpose: a value set inside an async
    /// method does not reach its caller, and the caller is the flow that holds the turn.
    /// </summary>
    public Task TakeAsync(CancellationToken cancellationToken)
    {
        _heldHere.Value = true;
        return _gate.WaitAsync(cancellationToken);
    }

    public void Release()
    {
        _heldHere.Value = false;
        _gate.Release();
    }

    public void Dispose() => _gate.Dispose();
}
