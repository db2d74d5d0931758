using KunshanInvest.Application.Common.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Persistence.Bookkeeping;

/// <summary>The Idempotency-Key records on the request's own DbContext, so a completion commits with the request's save.</summary>
internal sealed class IdempotencyStore(AppDbContext db) : IIdempotencyStore
{
    /// <summary>A lost race on the unique index (partner, key) reads the winner's record and decides from it.</summary>
    public async Task<IdempotencyStart> BeginAsync(Guid partnerId, string key, string requestHash, DateTime nowUtc, TimeSpan takeoverAfter, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(partnerId, key, cancellationToken);
        if (existing is null)
        {
            var record = new IdempotencyRecord(partnerId, key, requestHash, nowUtc);
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new(IdempotencyOutcome.Claimed, record.Id);
            }
            catch (DbUpdateException)
            {
                db.DiscardChanges();
                existing = await FindAsync(partnerId, key, cancellationToken);
                if (existing is null)
                {
                    return new(IdempotencyOutcome.Lost);
                }
            }
        }

        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new(IdempotencyOutcome.Mismatch);
        }

        if (existing.State == IdempotencyState.Completed)
        {
            return new(IdempotencyOutcome.Replay, Replay: existing.ResponseBody);
        }

        if (existing.CreatedAtUtc > nowUtc - takeoverAfter)
        {
            return new(IdempotencyOutcome.InFlight);
        }

        // The first attempt died before committing anything (e.g. the server was killed), or is still running but
        // slow. This repeat replaces its claim with a record of its own (a new id): the first attempt's completion
        // updates its claim by id, finds it gone and fails (409) with everything it would have saved. So at most one
        // of them creates the resource, however early the takeover. Of two repeats only one deletes the old record.
        var released = await db.IdempotencyRecords
            .Where(r => r.Id == existing.Id && r.State == IdempotencyState.InFlight)
            .ExecuteDeleteAsync(cancellationToken);
        if (released != 1)
        {
            return new(IdempotencyOutcome.InFlight);
        }

        var claim = new IdempotencyRecord(partnerId, key, requestHash, nowUtc);
        db.IdempotencyRecords.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(IdempotencyOutcome.Claimed, claim.Id);
        }
        catch (DbUpdateException)
        {
            // A third request claimed the free key in between.
            db.DiscardChanges();
            return new(IdempotencyOutcome.InFlight);
        }
    }

    public void Complete(Guid claimId, int statusCode, string responseBody, Guid resourceId, DateTime nowUtc) =>
        db.IdempotencyRecords.Local.Single(r => r.Id == claimId).Complete(statusCode, responseBody, resourceId, nowUtc);

    public Task AbandonAsync(Guid claimId, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.Where(r => r.Id == claimId && r.State == IdempotencyState.InFlight).ExecuteDeleteAsync(cancellationToken);

    private Task<IdempotencyRecord?> FindAsync(Guid partnerId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.PartnerId == partnerId && r.Key == key, cancellationToken);
}
