using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Projects;

/// <summary>A stage was asked for without its evidence; <see cref="Missing"/> names each gap.</summary>
public sealed class StageGateException(ProjectStage target, IReadOnlyList<MissingEvidence> missing)
    : DomainRuleException("stage.gate", $"Stage {target} ({target.ZhName()}) needs: {string.Join(", ", missing.Select(m => m.Field))}.")
{
    public ProjectStage Target { get; } = target;
    public IReadOnlyList<MissingEvidence> Missing { get; } = missing;
}
