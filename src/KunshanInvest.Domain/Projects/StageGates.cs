using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Projects;

/// <summary>One piece of evidence a stage needs and the project lacks.</summary>
/// <remarks><see cref="Code"/> names the catalogue message that words the gap for a reader; <see cref="Message"/> is for logs.</remarks>
public sealed record MissingEvidence(string Field, string Code, string Message);

/// <summary>
/// The evidence each stage needs. Gates of 签约 and 注册 hold for every later stage too (a project cannot be built
/// by a company that was never registered); the 供地 gate only when entering 供地, since a lease project skips it.
/// </summary>
public static class StageGates
{
    /// <summary>规上 (above designated size): annual main-business revenue of at least 20 million yuan, in fen.</summary>
    public const long AboveScaleRevenueFen = 2_000 * MoneyUnits.MinorPerWan;

    public static IReadOnlyList<MissingEvidence> Check(InvestmentProject project, ProjectStage target)
    {
        ArgumentNullException.ThrowIfNull(project);
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
        }

        if (target >= ProjectStage.Registered && project.ProjectCompanyCreditCode is null)
        {
            missing.Add(new("projectCompanyCreditCode", "gate.registered.credit_code", "Registration needs the project company's credit code."));
        }

        if (target == ProjectStage.LandSecured && project.PledgedLandMu is not > 0)
        {
            missing.Add(new("pledgedLandMu", "gate.land_secured.land_mu", "Land supply needs the land area in mu."));
        }

        if (target >= ProjectStage.AboveScale && project.RealisedAnnualOutputFen is not >= AboveScaleRevenueFen)
        {
            missing.Add(new("realisedAnnualOutputFen", "gate.above_scale.revenue", "Above-scale needs realised annual revenue of CNY 20 million."));
        }

        return missing;
    }
}
