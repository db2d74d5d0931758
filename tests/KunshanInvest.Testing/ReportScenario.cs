using System.Globalization;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Sectors;

namespace KunshanInvest.Testing;

/// <summary>
/// Known report data in a sector and park of its own, so a report filtered to that sector sees exactly these projects
/// whatever else the database holds. Expected figures are computed from these objects in memory (LINQ to objects over
/// the same entities the database receives), independently of the report queries under test.
/// </summary>
public sealed class ReportScenario
{
    private static readonly TimeSpan Kunshan = TimeSpan.FromHours(8);

    private ReportScenario(DateTime nowUtc, Guid ownerA, Guid ownerB)
    {
        NowUtc = nowUtc;
        OwnerA = ownerA;
        OwnerB = ownerB;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Sector = new Sector($"rpt-{suffix}", $"报表测试{suffix}", $"Report test {suffix}");
        Park = new Park($"rpt-{suffix}", $"报表载体{suffix}", $"Report park {suffix}", null);
    }

    public DateTime NowUtc { get; }
    public Guid OwnerA { get; }
    public Guid OwnerB { get; }
    public Sector Sector { get; }
    public Park Park { get; }
    public List<Enterprise> Enterprises { get; } = [];
    public List<InvestmentProject> Projects { get; } = [];

    /// <summary>The milestones behind the stages from 注册 on, dated the day each stage was entered.</summary>
    public List<ProjectMilestone> Milestones { get; } = [];

    public static ReportScenario Create(DateTime nowUtc, Guid ownerA, Guid ownerB)
    {
        var s = new ReportScenario(nowUtc, ownerA, ownerB);
        s.Add("线索", ownerA, "CN", SourceChannel.WalkIn, null, [(ProjectStage.Lead, 10)]);
        s.Add("人民币签约", ownerA, "CN", SourceChannel.Conference, p =>
            {
                p.Pledge(Money.CnyWan(5_000m), null, 100, 2_000_000_00, null, null);
                p.Estimate(null, isMajor: true);
            },
            [(ProjectStage.Lead, 120), (ProjectStage.Contacted, 100), (ProjectStage.Negotiating, 70), (ProjectStage.Signed, 0.08)]);
        s.Add("美元签约", ownerB, "US", SourceChannel.Expo, p => p.Pledge(new Money(10_000_000_00, "USD"), 8_000_000_00, 50, null, null, null),
            [(ProjectStage.Lead, 90), (ProjectStage.Contacted, 85), (ProjectStage.Negotiating, 60), (ProjectStage.Signed, 0.12)]);
        s.Add("欧元注册", ownerA, "DE", SourceChannel.OverseasOffice, p =>
            {
                p.Pledge(new Money(2_000_000_00, "EUR"), 2_200_000_00, 40, 500_000_00, null, null);
                p.Realise(15_000_000_00, 30, 100_000_00, null);
                p.RegisterProjectCompany(NewCreditCode());
            },
            [(ProjectStage.Lead, 600), (ProjectStage.Contacted, 580), (ProjectStage.Negotiating, 550), (ProjectStage.Signed, 500), (ProjectStage.Registered, 300)]);
        s.Add("流失", ownerB, "JP", SourceChannel.Intermediary, null,
            [(ProjectStage.Lead, 200), (ProjectStage.Contacted, 150), (ProjectStage.Lost, 40)]);
        s.Add("瑞郎签约", ownerB, "CH", SourceChannel.Expo, p => p.Pledge(new Money(3_000_000_00, "CHF"), null, 20, null, null, null),
            [(ProjectStage.Lead, 50), (ProjectStage.Signed, 0.16)]);
        s.Add("开工停滞", ownerA, "CN", SourceChannel.BusinessReferral, p =>
            {
                p.Pledge(Money.CnyWan(20_000m), null, 300, null, null, 80);
                p.Realise(50_000_000_00, 120, null, null);
                p.RegisterProjectCompany(NewCreditCode());
                p.Block("环评批复未下达");
            },
            [(ProjectStage.Lead, 900), (ProjectStage.Signed, 800), (ProjectStage.Registered, 700), (ProjectStage.LandSecured, 600), (ProjectStage.UnderConstruction, 400)]);
        s.Add("搁置", ownerA, "CN", SourceChannel.WalkIn, null,
            [(ProjectStage.Lead, 300), (ProjectStage.Contacted, 250), (ProjectStage.Negotiating, 220), (ProjectStage.OnHold, 30)]);
        return s;
    }

    /// <param name="history">Each stage with how many days before now it was entered, oldest first; the first is the lead's creation.</param>
    private void Add(string name, Guid owner, string country, SourceChannel source, Action<InvestmentProject>? figures, (ProjectStage Stage, double DaysAgo)[] history)
    {
        var code = $"RT-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var enterprise = new Enterprise($"{name}企业 {code}", null, country, Ownerships.OfCountry(country));
        var project = new InvestmentProject(code, $"{name} {code}", source, owner, NowUtc.AddDays(-history[0].DaysAgo));
        project.Place(enterprise.Id, Sector.Id, Park.Id);
        figures?.Invoke(project);
        var milestones = history.Skip(1).Where(h => MilestoneOf(h.Stage) is not null).Select(h =>
        {
            var at = NowUtc.AddDays(-h.DaysAgo);
            var milestone = new ProjectMilestone(project.Id, MilestoneOf(h.Stage)!.Value, owner, at);
            milestone.Reach(DateOnly.FromDateTime(at), owner, at);
            milestone.Describe(null, h.Stage == ProjectStage.LandSecured ? project.PledgedLandMu : null, null, null, null);
            return milestone;
        }).ToList();
        var facts = new StageFacts([.. milestones.Select(MilestoneFact.Of)], null, null, null);
        foreach (var (stage, daysAgo) in history.Skip(1))
        {
            project.MoveTo(stage, new StageActor(owner, IsManager: true), stage.IsSideState() ? "测试原因" : null, NowUtc.AddDays(-daysAgo), facts);
        }

        Milestones.AddRange(milestones);

        Enterprises.Add(enterprise);
        Projects.Add(project);
    }

    private static MilestoneKind? MilestoneOf(ProjectStage stage) => stage switch
    {
        ProjectStage.Registered => MilestoneKind.Registered,
        ProjectStage.LandSecured => MilestoneKind.LandSupplied,
        ProjectStage.UnderConstruction => MilestoneKind.ConstructionStarted,
        ProjectStage.Operating => MilestoneKind.ProductionStarted,
        _ => null,
    };

    private static string NewCreditCode()
    {
        var first17 = "91320583" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    // ---- Expectations, from the objects in memory ----

    public static DateTime? SignedAt(InvestmentProject p) =>
        p.StageChanges.Where(c => c.To >= ProjectStage.Signed && c.To <= ProjectStage.AtCapacity).Select(c => (DateTime?)c.AtUtc).Min();

    public static int KunshanYear(DateTime utc) => (utc + Kunshan).Year;

    public IEnumerable<InvestmentProject> SignedInYear(int year) => Projects.Where(p => SignedAt(p) is { } at && KunshanYear(at) == year);

    /// <summary>Fen for a pledge, by the test's own decimal arithmetic: minor × rate, rounded half away from zero.</summary>
    public static long? Fen(Money? money, IReadOnlyDictionary<string, decimal> cnyPerUnit) => money is null
        ? 0
        : money.Currency == "CNY" ? money.MinorUnits
        : cnyPerUnit.TryGetValue(money.Currency, out var rate) ? (long)Math.Round(money.MinorUnits * rate, MidpointRounding.AwayFromZero) : null;

    /// <summary>Completed stays in pipeline stages: (stage, days), from one stage change to the project's next.</summary>
    public IEnumerable<(ProjectStage Stage, double Days)> Stays() =>
        Projects.SelectMany(p =>
        {
            var changes = p.StageChanges.OrderBy(c => c.AtUtc).ToList();
            return changes.Zip(changes.Skip(1), (a, b) => (a.To, Days: (b.AtUtc - a.AtUtc).TotalDays)).Where(x => x.To.IsPipeline());
        });

    /// <summary>Nearest rank: the ⌈p·n/100⌉-th smallest value.</summary>
    public static double Percentile(IEnumerable<double> values, int p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count / 100.0);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
