using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Milestones;

/// <summary>
/// An edit may not take away what the project's current stage rests on. Gaps the project already had (it moved before
/// milestones were recorded) do not block the edit; only the ones the edit opens are refused (422 naming them).
/// </summary>
public static class StageGuard
{
    public static IReadOnlySet<string> Gaps(InvestmentProject project, StageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Stage.IsPipeline()
            ? StageGates.Check(project, project.Stage, facts).Select(m => m.Code).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    public static void RefuseNewGaps(InvestmentProject project, StageFacts facts, IReadOnlySet<string> had)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(had);
        if (!project.Stage.IsPipeline())
        {
            return;
        }

        var opened = StageGates.Check(project, project.Stage, facts).Where(m => !had.Contains(m.Code)).ToList();
        if (opened.Count > 0)
        {
            throw new StageGateException(project.Stage, opened);
        }
    }
}
