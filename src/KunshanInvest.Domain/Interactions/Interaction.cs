using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Interactions;

public enum InteractionKind
{
    Visit = 0,
    Call = 1,
    Meeting = 2,
    SiteInspection = 3,
    Conference = 4,
    Email = 5,
    WeChat = 6,
}

/// <summary>走访记录: a visit, call or meeting with an enterprise, usually about one project.</summary>
public sealed class Interaction : AggregateRoot
{
    public const int SummaryMaxLength = 4000;
    public const int NextStepsMaxLength = 2000;

    private Interaction() { }

    public Interaction(Guid enterpriseId, Guid? projectId, InteractionKind kind, DateTime occurredAtUtc, Guid byUserId, string summary, string? nextSteps, DateTime createdAtUtc)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainRuleException("interaction.summary", "An interaction needs a summary.");
        }

        EnterpriseId = enterpriseId;
        ProjectId = projectId;
        Kind = kind;
        OccurredAtUtc = occurredAtUtc;
        ByUserId = byUserId;
        Summary = summary.Trim();
        NextSteps = string.IsNullOrWhiteSpace(nextSteps) ? null : nextSteps.Trim();
        CreatedAtUtc = createdAtUtc;
    }

    public Guid EnterpriseId { get; private set; }
    public Guid? ProjectId { get; private set; }
    public InteractionKind Kind { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public Guid ByUserId { get; private set; }
    public string Summary { get; private set; } = "";
    public string? NextSteps { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Used when two enterprise records are merged.</summary>
    public void MoveToEnterprise(Guid enterpriseId) => EnterpriseId = enterpriseId;
}
