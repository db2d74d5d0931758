using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Reviews;

/// <summary>
/// What the 签约 gate reads about review (ADR 0032): whether configuration asks major projects for a passed review, from
/// which pledged investment (CNY fen) a project is major besides its 重大项目 flag, and whether the project has a passed
/// round (通过 or 有条件通过).
/// </summary>
public sealed record ReviewGate(bool RequireForMajor, long? MajorFromFen, bool HasPassedReview)
{
    /// <summary>重大项目: flagged by staff, or pledged at least <see cref="MajorFromFen"/> in CNY.</summary>
    public bool IsMajor(InvestmentProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.IsMajor
            || (MajorFromFen is { } from && project.PledgedInvestment is { Currency: "CNY" } pledged && pledged.MinorUnits >= from);
    }

    public bool Blocks(InvestmentProject project) => RequireForMajor && !HasPassedReview && IsMajor(project);
}
