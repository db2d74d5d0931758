using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Projects;

/// <summary>One piece of evidence a stage needs and the project lacks.</summary>
/// <remarks><see cref="Code"/> names the catalogue message that words the gap for a reader; <see cref="Message"/> is for logs.</remarks>
public sealed record MissingEvidence(string Field, string Code, string Message);

/// <summary>
/// The evidence each stage needs. Gates of 签约 and 注册 hold for every later stage too (a project cannot be built
/// by a company that was never registered), and so do those of 开工, 投产 and 上规 (a project at 达产 has started
/// construction and production and entered the register); the 供地 gate only when entering 供地, since a lease project
/// skips it, and the 达产 gate only at 达产. From 供地 on the gates read the milestones and verified sums in
/// <see cref="StageFacts"/>, never the project's undated realised fields.
/// </summary>
public static class StageGates
{
    public static IReadOnlyList<MissingEvidence> Check(InvestmentProject project, ProjectStage target, StageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<MissingEvidence>();
        if (!target.IsPipeline())
        {
            return missing;
        }

        if (target >= ProjectStage.Signed)
        {
            if (project.EnterpriseId is null)
            {
                missing.Add(new("enterpriseId", "gate.signed.enterprise", "Signing needs the enterprise."));
            }

            if (project.SectorId is null)
            {
                missing.Add(new("sectorId", "gate.signed.sector", "Signing needs the sector."));
            }

            if (project.ParkId is null)
            {
                missing.Add(new("parkId", "gate.signed.park", "Signing needs the park."));
            }

            if (project.PledgedInvestment is not { MinorUnits: > 0 })
            {
                missing.Add(new("pledgedInvestment", "gate.signed.pledged_investment", "Signing needs the pledged investment."));
            }

            // 项目评审 is an entry gate: a major project enters 签约 with a passed review; those that signed before stay put.
            if (facts.Review is { } review && Reference(project) < ProjectStage.Signed && review.Blocks(project))
            {
                missing.Add(new("reviews", "gate.signed.review", "A major project needs a passed review (通过 or 有条件通过) to sign."));
            }
        }

        if (target >= ProjectStage.Registered && project.ProjectCompanyCreditCode is null)
        {
            missing.Add(new("projectCompanyCreditCode", "gate.registered.credit_code", "Registration needs the project company's credit code."));
        }

        if (target == ProjectStage.LandSecured)
        {
            // The supplied land, not the pledged: 供地 is the fact of the land contract or lease, dated, with its 亩.
            var land = facts.Reached(MilestoneKind.LandSupplied);
            if (land is null)
            {
                missing.Add(new("milestones.landSupplied", "gate.land_secured.milestone", "Land supply needs the LandSupplied milestone."));
            }
            else if (land.LandMu is not > 0)
            {
                missing.Add(new("milestones.landSupplied.landMu", "gate.land_secured.land_mu", "Land supply needs the land area in mu on its milestone."));
            }
        }

        if (target >= ProjectStage.UnderConstruction && facts.Reached(MilestoneKind.ConstructionStarted) is null)
        {
            missing.Add(new("milestones.constructionStarted", "gate.under_construction.milestone", "Construction needs the ConstructionStarted milestone."));
        }

        if (target >= ProjectStage.Operating && facts.Reached(MilestoneKind.ProductionStarted) is null)
        {
            missing.Add(new("milestones.productionStarted", "gate.operating.milestone", "Operation needs the ProductionStarted milestone."));
        }

        if (target >= ProjectStage.AboveScale)
        {
            if (facts.Reached(MilestoneKind.EnteredStatistics) is not { StatisticsPeriod: not null })
            {
                missing.Add(new("milestones.enteredStatistics", "gate.above_scale.milestone", "Above-scale needs the EnteredStatistics milestone with its month."));
            }
            else if (facts.AboveScaleThresholdFen is not { } threshold || facts.RevenueFen is not { } revenue || revenue < threshold)
            {
                missing.Add(new("figures.mainBusinessRevenue", "gate.above_scale.revenue", "Above-scale needs verified main-business revenue over the 12 months to the statistics month at the threshold of the enterprise's type."));
            }
        }

        if (target == ProjectStage.AtCapacity)
        {
            var capacity = facts.Reached(MilestoneKind.CapacityReached);
            if (capacity is null)
            {
                missing.Add(new("milestones.capacityReached", "gate.at_capacity.milestone", "Capacity needs the CapacityReached milestone."));
            }
            else if (capacity.OverrideReason is null
                && (project.PledgedAnnualOutputFen is not { } pledged || facts.OutputFen is not { } output || output < pledged))
            {
                missing.Add(new("figures.industrialOutput", "gate.at_capacity.output", "Capacity needs verified output over the 12 months to its month at the pledged annual output, or a manager's override."));
            }
        }

        return missing;
    }

    /// <summary>The pipeline stage the project is at, or left for 搁置/流失.</summary>
    private static ProjectStage Reference(InvestmentProject project) =>
        project.Stage.IsPipeline() ? project.Stage : project.StageBeforeSideState ?? ProjectStage.Lead;
}
