using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The transaction the auditing interceptor opens for a save that has none, so the audit rows and the chain head
/// commit with the change, and the turn at SQLite's single writer it holds meanwhile (see <see cref="SqliteWriteGate"/>).
/// One per interceptor, that is per DbContext: a context saves one thing at a time.
/// </summary>
internal sealed class SaveTransaction(SqliteWriteGate gate)
{
    private IDbContextTransaction? _own;

    /// <summary>The savepoint setting <see cref="_own"/> replaced.</summary>
    private bool _savepoints;

    private SqliteWriteGate.Turn _turn;

    public void Begin(DbContext context)
    {
        _turn = gate.Enter();
        Own(context, BeginOrPassTurn(() => context.Database.BeginTransaction()));
    }

    public async Task BeginAsync(DbContext context, CancellationToken cancellationToken)
    {
        _turn = await gate.EnterAsync(cancellationToken);
        Own(context, await BeginOrPassTurnAsync(() => context.Database.BeginTransactionAsync(cancellationToken)));
    }

    public void Commit() => _own?.Commit();

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_own is not null)
        {
            await _own.CommitAsync(cancellationToken);
        }
    }

    public void Rollback() => _own?.Rollback();

    public async Task RollbackAsync()
    {
        if (_own is not null)
        {
            await _own.RollbackAsync(CancellationToken.None);
        }
    }

    /// <summary>Disposes the transaction, if this opened one, and passes the write turn on, even when the commit failed.</summary>
    public void End(DbContext? context)
    {
        if (_own is null)
        {
            return;
        }

        try
        {
            _own.Dispose();
        }
        finally
        {
            _own = null;
            PassTurn();
        }

        if (context is not null)
        {
            context.Database.AutoSavepointsEnabled = _savepoints;
        }
    }

    private void PassTurn()
    {
        var turn = _turn;
        _turn = default;
        turn.Dispose();
    }

    private IDbContextTransaction BeginOrPassTurn(Func<IDbContextTransaction> begin)
    {
        try
        {
            return begin();
        }
        catch
        {
            PassTurn();
            throw;
        }
    }

    private async Task<IDbContextTransaction> BeginOrPassTurnAsync(Func<Task<IDbContextTransaction>> begin)
    {
        try
        {
            return await begin();
        }
        catch
        {
            PassTurn();
            throw;
        }
    }

    /// <summary>
    /// EF would wrap its batch in a savepoint inside a transaction it did not open; in ours there is nothing to keep
    /// on failure (the whole transaction rolls back), so no SAVEPOINT statements are sent.
    /// </summary>
    private void Own(DbContext context, IDbContextTransaction transaction)
    {
        _own = transaction;
        _savepoints = context.Database.AutoSavepointsEnabled;
        context.Database.AutoSavepointsEnabled = false;
    }
}
