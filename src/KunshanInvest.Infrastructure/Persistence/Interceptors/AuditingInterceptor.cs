using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Infrastructure.Persistence.Interceptors;

/// <summary>
/// On every save: bumps each changed aggregate's version and writes one <see cref="AuditEntry"/> per changed entity
/// (<see cref="AuditRecorder"/>) in the same transaction as the change. Then it links every new entry into the hash
/// chain (<see cref="AuditChainAppender"/>), opening the transaction itself when the caller has none
/// (<see cref="SaveTransaction"/>). This class only orders those steps and ends them however the save ends.
/// </summary>
internal sealed class AuditingInterceptor(ICurrentUser user, TimeProvider clock, SqliteWriteGate gate, SqlDialect dialect) : SaveChangesInterceptor
{
    private readonly AuditRecorder _recorder = new(user, clock);
    private readonly AuditChainAppender _chain = new(dialect);
    private readonly SaveTransaction _transaction = new(gate);

    /// <summary>A failed save keeps its entities for a retry; its audit rows must not be written twice.</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abort(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbortAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abort(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbortAsync(eventData.Context);

    /// <summary>Ends a save EF failed without telling <see cref="SaveChangesFailed"/> (a lost concurrency race, see AppDbContext).</summary>
    internal void EndFailedSave(DbContext context) => Abort(context);

    internal Task EndFailedSaveAsync(DbContext context) => AbortAsync(context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _recorder.Record(eventData.Context);
        if (AuditChainAppender.Unlinked(eventData.Context) is { Count: > 0 } entries)
        {
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                _transaction.Begin(eventData.Context);
            }

            // EF reports no failure for an exception thrown here: end our transaction ourselves.
            try
            {
                _chain.Append(eventData.Context, entries);
            }
            catch
            {
                Abort(eventData.Context);
                throw;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _recorder.Record(eventData.Context);
        if (AuditChainAppender.Unlinked(eventData.Context) is { Count: > 0 } entries)
        {
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                await _transaction.BeginAsync(eventData.Context, cancellationToken);
            }

            try
            {
                await _chain.AppendAsync(eventData.Context, entries, cancellationToken);
            }
            catch
            {
                await AbortAsync(eventData.Context);
                throw;
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        try
        {
            _transaction.Commit();
        }
        finally
        {
            End(eventData.Context); // a failed commit must still pass the write turn on
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        try
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            End(eventData.Context);
        }

        return result;
    }

    private void Abort(DbContext? context)
    {
        _recorder.DropPending(context);
        try
        {
            _transaction.Rollback();
        }
        finally
        {
            End(context);
        }
    }

    private async Task AbortAsync(DbContext? context)
    {
        _recorder.DropPending(context);
        try
        {
            await _transaction.RollbackAsync();
        }
        finally
        {
            End(context);
        }
    }

    private void End(DbContext? context)
    {
        if (context is not null)
        {
            AuditChainAppender.Forget(context);
        }

        _transaction.End(context);
    }
}
