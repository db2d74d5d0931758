using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Partners;

public enum AttributionState
{
    /// <summary>Held: the partner reported the enterprise first and the project keeps moving.</summary>
    Active = 0,

    /// <summary>No stage progress for the configured number of days (首报失效).</summary>
    Lapsed = 1,

    /// <summary>The report was rejected, or the bureau already worked the enterprise (duplicate).</summary>
    Void = 2,
}

/// <summary>
/// 首报: the first partner to report an enterprise holds attribution from <see cref="ReportedAtUtc"/>. The enterprise is
/// identified as the partner typed it (credit code, normalised zh/en names); <see cref="ProjectId"/> follows once the
/// bureau accepts the report.
/// </summary>
public sealed class Attribution : Entity
{
    public const int KeyMaxLength = 200;

    private Attribution() { }

    public Attribution(Guid partnerId, Guid submissionId, string? creditCode, string? nameZhKey, string? nameEnKey, DateTime reportedAtUtc)
    {
        PartnerId = partnerId;
        SubmissionId = submissionId;
        CreditCode = creditCode;
        NameZhKey = nameZhKey;
        NameEnKey = nameEnKey;
        ReportedAtUtc = reportedAtUtc;
    }

    public Guid PartnerId { get; private set; }
    public Guid SubmissionId { get; private set; }
    public string? CreditCode { get; private set; }
    public string? NameZhKey { get; private set; }
    public string? NameEnKey { get; private set; }
    public DateTime ReportedAtUtc { get; private set; }
    public Guid? ProjectId { get; private set; }

    /// <summary>Set by the lapse sweep; the state is also derived without it (see <see cref="AttributionRules.StateAt"/>).</summary>
    public DateTime? LapsedAtUtc { get; private set; }

    public DateTime? VoidedAtUtc { get; private set; }

    public void LinkProject(Guid projectId) => ProjectId = projectId;

    public void Void(DateTime nowUtc) => VoidedAtUtc ??= nowUtc;
}

public static class AttributionRules
{
    /// <summary>
    /// Attribution lapses after <paramref name="lapseDays"/> days without stage progress: counted from the project's
    /// last stage change, or from the report while no project exists yet.
    /// </summary>
    public static AttributionState StateAt(DateTime reportedAtUtc, DateTime? stageEnteredAtUtc, DateTime? lapsedAtUtc, DateTime? voidedAtUtc, int lapseDays, DateTime nowUtc)
    {
        if (voidedAtUtc is not null)
        {
            return AttributionState.Void;
        }

        var since = stageEnteredAtUtc is { } entered && entered > reportedAtUtc ? entered : reportedAtUtc;
        return lapsedAtUtc is not null || since < LapseCutoff(lapseDays, nowUtc) ? AttributionState.Lapsed : AttributionState.Active;
    }

    /// <summary>Progress older than this has lapsed.</summary>
    public static DateTime LapseCutoff(int lapseDays, DateTime nowUtc) => nowUtc.AddDays(-lapseDays);

    /// <summary>
    /// The partner's reward in fen: verified funds in place (到位资金, fen) times the partner type's rate, rounded half
    /// away from zero. A lapsed or void attribution earns nothing.
    /// </summary>
    public static long Reward(AttributionState state, long? fundsInPlaceFen, decimal rate)
    {
        if (state != AttributionState.Active || fundsInPlaceFen is not > 0 || rate <= 0)
        {
            return 0;
        }

        return (long)decimal.Round(fundsInPlaceFen.Value * rate, MidpointRounding.AwayFromZero);
    }
}

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
    public const int KeyMaxLength = 100;
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

    /// <summary>A request that died in flight (the server stopped) is taken over by the next repeat after this long.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);
}
