namespace KunshanInvest.Application.Common.Idempotency;

public static class IdempotencyRules
{
    public const int KeyMaxLength = 100;

    /// <summary>A request that died in flight (the server stopped) is taken over by the next repeat after this long.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);
}

public enum IdempotencyOutcome
{
    /// <summary>The key is this request's: complete or abandon the claim.</summary>
    Claimed,

    /// <summary>A repeat of a completed request: send its stored response.</summary>
    Replay,

    /// <summary>The key was used with another request body.</summary>
    Mismatch,

    /// <summary>A request with the key is still in flight.</summary>
    InFlight,

    /// <summary>Another request took the key and its claim was gone when read: the caller may retry.</summary>
    Lost,
}

/// <summary>What starting an idempotent request found.</summary>
public sealed record IdempotencyStart(IdempotencyOutcome Outcome, Guid ClaimId = default, string? Replay = null);

/// <summary>
/// The Idempotency-Key records (persistence bookkeeping, kept by Infrastructure): unique per partner, so a race
/// between two requests with the same key is settled by the database, and the first response is kept for repeats.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key (a committed in-flight record), or finds the stored response of a completed repeat. A repeat of
    /// a claim older than <paramref name="takeoverAfter"/> takes it over.
    /// </summary>
    Task<IdempotencyStart> BeginAsync(Guid partnerId, string key, string requestHash, DateTime nowUtc, TimeSpan takeoverAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Records the response on the claim, to be saved with the caller's next save: the response and what it reports
    /// commit together. A claim taken over meanwhile is gone, and that save fails with a concurrency conflict.
    /// </summary>
    void Complete(Guid claimId, int statusCode, string responseBody, Guid resourceId, DateTime nowUtc);

    /// <summary>Releases the key of a request that failed, so a corrected request may use it.</summary>
    Task AbandonAsync(Guid claimId, CancellationToken cancellationToken);
}
