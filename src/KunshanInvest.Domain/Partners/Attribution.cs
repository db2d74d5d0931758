using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

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

    /// <summary>
    /// When the attributed project reached 签约 (or a later stage): from then on the attribution never lapses. Stamped by
    /// the lapse sweep with the time of the stage change; the state is derived from the project's stages before that.
    /// </summary>
    public DateTime? FrozenAtUtc { get; private set; }

    public void LinkProject(Guid projectId) => ProjectId = projectId;

    /// <summary>Signing froze the attribution; a lapsed or void one stays as it is, and the first freeze stays.</summary>
    public void Freeze(DateTime signedAtUtc)
    {
        if (LapsedAtUtc is null && VoidedAtUtc is null)
        {
            FrozenAtUtc ??= signedAtUtc;
        }
    }

    public void Void(DateTime nowUtc) => VoidedAtUtc ??= nowUtc;
}

public static class AttributionRules
{
    /// <summary>
    /// Attribution lapses after <paramref name="lapseDays"/> days without stage progress: counted from the project's
    /// last stage change, or from the report while no project exists yet. Once the project has reached 签约
    /// (<paramref name="frozenAtUtc"/>, recorded or derived from its stages) it never lapses; a lapse recorded before
    /// the signing stays.
    /// </summary>
    public static AttributionState StateAt(DateTime reportedAtUtc, DateTime? stageEnteredAtUtc, DateTime? lapsedAtUtc, DateTime? voidedAtUtc, DateTime? frozenAtUtc, int lapseDays, DateTime nowUtc)
    {
        if (voidedAtUtc is not null)
        {
            return AttributionState.Void;
        }

        if (lapsedAtUtc is null && frozenAtUtc is not null)
        {
            return AttributionState.Active;
        }

        var since = stageEnteredAtUtc is { } entered && entered > reportedAtUtc ? entered : reportedAtUtc;
        return lapsedAtUtc is not null || since < LapseCutoff(lapseDays, nowUtc) ? AttributionState.Lapsed : AttributionState.Active;
    }

    /// <summary>签约 and every stage after it on the pipeline freeze the attribution.</summary>
    public static bool Freezes(ProjectStage stage) => stage is >= ProjectStage.Signed and <= ProjectStage.AtCapacity;

    /// <summary>Progress older than this has lapsed.</summary>
    public static DateTime LapseCutoff(int lapseDays, DateTime nowUtc) => nowUtc.AddDays(-lapseDays);
}
