using System.Globalization;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
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
    public List<FigureEntry> Figures { get; } = [];

    /// <summary>The Kunshan year of <see cref="NowUtc"/>: the year the figures' "this year" months fall in.</summary>
    public int Year => KunshanYear(NowUtc);

    public InvestmentProject Named(string name) => Projects.Single(p => p.Name.StartsWith(name, StringComparison.Ordinal));

    /// <summary>
    /// Monthly figures for three signed projects, entered by each project's owner and checked by <paramref name="checker"/>:
    /// verified ones in this year's first months and in last year's December (outside this year), a pending and a
    /// rejected one (count nowhere), a verified entry superseded by a verified correction (only the correction counts),
    /// two headcounts of one project (the latest month counts, not the sum), and 实际使用外资 in USD.
    /// </summary>
    public ReportScenario AddFigures(Guid checker)
    {
        var y = Year;
        var euro = Named("欧元注册");
        var stalled = Named("开工停滞");
        var dollar = Named("美元签约");
        Verified(euro, FigureKind.FundsInPlace, FigurePeriod.Of(y, 1), 1_000_000_00, "CNY", 1_000_000_00, checker, foreignPart: 400_000_00);
        Verified(euro, FigureKind.FundsInPlace, FigurePeriod.Of(y - 1, 12), 7_000_000_00, "CNY", 7_000_000_00, checker);
        Add(euro, FigureKind.FundsInPlace, FigurePeriod.Of(y, 2), 3_000_000_00, "CNY", 3_000_000_00);
        var original = Verified(euro, FigureKind.FundsInPlace, FigurePeriod.Of(y, 3), 2_000_000_00, "CNY", 2_000_000_00, checker);
        var correction = Add(euro, FigureKind.FundsInPlace, FigurePeriod.Of(y, 3), 2_500_000_00, "CNY", 2_500_000_00, original.Id);
        correction.Verify(checker, NowUtc);
        original.SupersedeBy(correction.Id);
        Verified(euro, FigureKind.ForeignCapitalUsed, FigurePeriod.Of(y, 1), 500_000_00, "USD", 500_000_00, checker);
        Add(euro, FigureKind.ForeignCapitalUsed, FigurePeriod.Of(y, 2), 900_000_00, "USD", 900_000_00).Reject(checker, "凭证不符", NowUtc);
        Verified(euro, FigureKind.TaxPaid, FigurePeriod.Of(y, 1), 100_000_00, "CNY", 100_000_00, checker);
        Verified(euro, FigureKind.TaxPaid, FigurePeriod.Of(y - 1, 6), 50_000_00, "CNY", 50_000_00, checker);
        Verified(euro, FigureKind.IndustrialOutput, FigurePeriod.Of(y, 2), 8_000_000_00, "CNY", 8_000_000_00, checker);
        Verified(euro, FigureKind.FixedAssetInvestment, FigurePeriod.Of(y, 1), 600_000_00, "CNY", 600_000_00, checker);
        Verified(euro, FigureKind.Jobs, FigurePeriod.Of(y, 1), 30, null, 30, checker);
        Verified(euro, FigureKind.Jobs, FigurePeriod.Of(y, 3), 45, null, 45, checker);
        Verified(stalled, FigureKind.FundsInPlace, FigurePeriod.Of(y, 2), 4_000_000_00, "CNY", 4_000_000_00, checker);
        Verified(stalled, FigureKind.Jobs, FigurePeriod.Of(y, 2), 100, null, 100, checker);
        Verified(stalled, FigureKind.TaxPaid, FigurePeriod.Of(y, 3), 300_000_00, "CNY", 300_000_00, checker);
        Verified(dollar, FigureKind.ForeignCapitalUsed, FigurePeriod.Of(y, 1), 1_000_000_00, "USD", 1_000_000_00, checker);
        return this;
    }

    private FigureEntry Add(InvestmentProject p, FigureKind kind, int period, long amount, string? currency, long value, Guid? supersedes = null, long? foreignPart = null)
    {
        var entry = new FigureEntry(p.Id, kind, period, amount, currency, value, foreignPart, null, p.OwnerId, NowUtc, supersedes);
        Figures.Add(entry);
        return entry;
    }

    private FigureEntry Verified(InvestmentProject p, FigureKind kind, int period, long amount, string? currency, long value, Guid checker, long? foreignPart = null)
    {
        var entry = Add(p, kind, period, amount, currency, value, null, foreignPart);
        entry.Verify(checker, NowUtc);
        return entry;
    }

    /// <summary>The verified (counting) figures of a kind in <paramref name="year"/>, summed, of the projects <paramref name="where"/> selects.</summary>
    public long VerifiedIn(FigureKind kind, int year, Func<InvestmentProject, bool>? where = null) =>
        Figures.Where(f => f.Counts && f.Kind == kind && FigurePeriod.Year(f.Period) == year && (where is null || where(Projects.Single(p => p.Id == f.ProjectId)))).Sum(f => f.Value);

    /// <summary>Each project's latest verified headcount of the year, summed.</summary>
    public long LatestHeadcounts(int year) =>
        Figures.Where(f => f.Counts && f.Kind == FigureKind.Jobs && FigurePeriod.Year(f.Period) == year)
            .GroupBy(f => f.ProjectId).Sum(g => g.MaxBy(f => f.Period)!.Value);

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

    public static string NewCreditCode()
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
