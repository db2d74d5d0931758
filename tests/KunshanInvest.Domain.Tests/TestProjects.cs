using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

/// <summary>Builders shared by the stage-machine and stage-gate tests.</summary>
internal static class TestProjects
{
    public const string ProjectCompanyCreditCode = "91320583MA0DE0013C";

    public static readonly DateTime T0 = new(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);

    public static readonly Guid OwnerId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    public static readonly Guid EnterpriseId = Guid.Parse("0197a000-0000-7000-8000-0000000000e1");
    public static readonly Guid SectorId = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    public static readonly Guid ParkId = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");

    public static readonly StageActor Officer = new(Guid.Parse("0197a000-0000-7000-8000-00000000f001"), IsManager: false);
    public static readonly StageActor Manager = new(Guid.Parse("0197a000-0000-7000-8000-00000000f002"), IsManager: true);

    /// <summary>
    /// A project at <paramref name="stage"/> holding no evidence: walked there with every gate's evidence (at T0),
    /// which is then cleared, so each test adds exactly the evidence it is about.
    /// </summary>
    public static InvestmentProject New(ProjectStage stage = ProjectStage.Lead)
    {
        var project = new InvestmentProject("KS-2026-00042", "Fourth Coffee roastery", SourceChannel.Expo, OwnerId, T0);
        if (stage == ProjectStage.Lead)
        {
            return project;
        }

        AddFullEvidence(project);
        if (stage.IsSideState())
        {
            project.MoveTo(ProjectStage.Negotiating, Manager, null, T0);
            project.MoveTo(stage, Manager, "test setup", T0);
        }
        else
        {
            project.MoveTo(stage, Manager, null, T0);
        }

        project.Place(null, null, null);
        project.Pledge(null, null, null, null, null, landMu: null);
        project.RegisterProjectCompany(null);
        project.Realise(null, null, null, null);
        return project;
    }

    private static void AddFullEvidence(InvestmentProject project)
    {
        project.Place(EnterpriseId, SectorId, ParkId);
        project.Pledge(Money.CnyWan(30_000m), 5_000_000_00, 300, 12_000_000_00, 500_000_000_00, landMu: 120.5);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
        project.Realise(30_000_000_00, 280, 11_000_000_00, StageGates.AboveScaleRevenueFen);
    }

    /// <summary>Enterprise, sector, park and pledged investment: everything 签约 needs, and nothing more.</summary>
    public static InvestmentProject WithSigningEvidence(ProjectStage stage = ProjectStage.Lead)
    {
        var project = New(stage);
        project.Place(EnterpriseId, SectorId, ParkId);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, landMu: null);
        return project;
    }

    /// <summary>Every gate's evidence: signing, credit code, land and above-scale revenue.</summary>
    public static InvestmentProject WithFullEvidence(ProjectStage stage = ProjectStage.Lead)
    {
        var project = New(stage);
        AddFullEvidence(project);
        return project;
    }

    public static string[] MissingFields(StageGateException exception) => [.. exception.Missing.Select(m => m.Field)];
}
