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
            project.MoveTo(ProjectStage.Negotiating, Manager, null, T0, FullFacts);
            project.MoveTo(stage, Manager, "test setup", T0, FullFacts);
        }
        else
        {
            project.MoveTo(stage, Manager, null, T0, FullFacts);
        }

        project.Place(null, null, null);
        project.Pledge(null, null, null, null, null, landMu: null);
        project.RegisterProjectCompany(null);
        return project;
    }

    private static void AddFullEvidence(InvestmentProject project)
    {
        project.Place(EnterpriseId, SectorId, ParkId);
        project.Pledge(Money.CnyWan(30_000m), 5_000_000_00, 300, 12_000_000_00, PledgedOutputFen, landMu: 120.5);
        project.RegisterProjectCompany(ProjectCompanyCreditCode);
    }

    /// <summary>上规 threshold of an industrial enterprise (CNY 20 m) in fen, as configured by default.</summary>
    public const long ThresholdFen = 2_000_000_000;

    /// <summary>The pledged annual output of <see cref="WithFullEvidence"/>, in fen.</summary>
    public const long PledgedOutputFen = 500_000_000_00;

    public static MilestoneFact Reached(MilestoneKind kind, DateOnly on, double? landMu = null, int? period = null, string? overrideReason = null) =>
        new(kind, on, landMu, period, overrideReason);

    /// <summary>Every milestone reached in order, with 亩 and 入库 month, and verified sums at the threshold and the pledge.</summary>
    public static StageFacts FullFacts { get; } = new(
        [
            Reached(MilestoneKind.Registered, new(2025, 1, 10)),
            Reached(MilestoneKind.LandSupplied, new(2025, 3, 1), landMu: 120.5),
            Reached(MilestoneKind.ConstructionStarted, new(2025, 4, 1)),
            Reached(MilestoneKind.ProductionStarted, new(2025, 9, 1)),
            Reached(MilestoneKind.EnteredStatistics, new(2025, 12, 1), period: 202512),
            Reached(MilestoneKind.CapacityReached, new(2026, 2, 1)),
        ],
        ThresholdFen,
        ThresholdFen,
        PledgedOutputFen);

    /// <summary><see cref="FullFacts"/> without one kind, or with it changed.</summary>
    public static StageFacts FullFactsWith(MilestoneKind kind, MilestoneFact? replacement) =>
        FullFacts with { Milestones = [.. FullFacts.Milestones.Where(m => m.Kind != kind), .. replacement is null ? Array.Empty<MilestoneFact>() : [replacement]] };

    /// <summary>Enterprise, sector, park and pledged investment: everything 签约 needs, and nothing more.</summary>
    public static InvestmentProject WithSigningEvidence(ProjectStage stage = ProjectStage.Lead)
    {
        var project = New(stage);
        project.Place(EnterpriseId, SectorId, ParkId);
        project.Pledge(Money.CnyWan(30_000m), null, 300, null, null, landMu: null);
        return project;
    }

    /// <summary>Every gate's evidence on the project itself: signing, credit code, pledged land and output (the milestones are in <see cref="FullFacts"/>).</summary>
    public static InvestmentProject WithFullEvidence(ProjectStage stage = ProjectStage.Lead)
    {
        var project = New(stage);
        AddFullEvidence(project);
        return project;
    }

    public static string[] MissingFields(StageGateException exception) => [.. exception.Missing.Select(m => m.Field)];
}

/// <summary>
/// Moves without milestones or verified figures (<see cref="StageFacts.None"/>): what the 签约 and 注册 tests need, and
/// what a later gate's test starts from when it is about a missing milestone.
/// </summary>
internal static class FactlessMoves
{
    public static StageChange MoveTo(this InvestmentProject project, ProjectStage target, StageActor actor, string? note, DateTime nowUtc) =>
        project.MoveTo(target, actor, note, nowUtc, StageFacts.None);
}
