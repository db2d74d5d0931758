using KunshanInvest.Application.Common.Idempotency;
using KunshanInvest.Domain.Common;

namespace KunshanInvest.Infrastructure.Persistence.Bookkeeping;

public enum IdempotencyState
{
    InFlight = 0,
    Completed = 1,
}

/// <summary>
/// An Idempotency-Key a partner sent with a submission: unique per partner, so a race between two requests with the
/// same key is settled by the database. The first response is kept and replayed for repeats.
/// </summary>
public sealed class IdempotencyRecord : Entity
{
    public const int KeyMaxLength = IdempotencyRules.KeyMaxLength;
    public const int HashLength = 64;

    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid partnerId, string key, string requestHash, DateTime nowUtc)
    {
        PartnerId = partnerId;
        Key = key;
        RequestHash = requestHash;
        State = IdempotencyState.InFlight;
        CreatedAtUtc = nowUtc;
    }

    public Guid PartnerId { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the request body, files included.</summary>
    public string RequestHash { get; private set; } = "";

    public IdempotencyState State { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public int? StatusCode { get; private set; }
    public string? ResponseBody { get; private set; }
    public Guid? SubmissionId { get; private set; }

    public void Complete(int statusCode, string responseBody, Guid submissionId, DateTime nowUtc)
    {
        State = IdempotencyState.Completed;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        SubmissionId = submissionId;
        CompletedAtUtc = nowUtc;
    }
}
