using System.Globalization;
using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static KunshanInvest.Infrastructure.Synthetic.SyntheticVocabulary;

namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>The catalogue the synthetic rows hang off: the seeded sectors and parks, the Officer role, the rates on file.</summary>
internal sealed record SyntheticCatalogue(IReadOnlyList<Guid> SectorIds, IReadOnlyList<Guid> ParkIds, Guid OfficerRoleId, IReadOnlySet<(int Year, string Currency)> Rates);

/// <summary>
/// Builds the synthetic rows from one seed. Projects are walked through the real stage machine
/// (<see cref="InvestmentProject.MoveTo"/>), so each carries its gates' evidence and a StageChange history that ends at
/// its current stage. Keys are overwritten with seeded, time-ordered ids. Interactions are produced lazily, so a
/// million of them never sit in memory at once.
/// </summary>
internal sealed class SyntheticData
{
    /// <summary>Project codes of synthetic rows: SY-2026-000001. The generator recognises its own data by it.</summary>
    public const string CodePrefix = "SY-";

    public const string OfficerPrefix = "synth-officer-";

    private readonly SyntheticOptions _options;
    private readonly SyntheticCatalogue _catalogue;
    private readonly DateTime _start;
    private readonly DateTime _end;
    private readonly Action<InvestmentProject, Guid> _setProjectId;
    private readonly Action<StageChange, Guid> _setChangeId;
    private readonly Action<StageChange, Guid> _setChangeProject;
    private readonly Action<Enterprise, Guid> _setEnterpriseId;
    private readonly Action<Interaction, Guid> _setInteractionId;
    private readonly Action<FollowUp, Guid> _setFollowUpId;
    private readonly Action<ExchangeRate, Guid> _setRateId;
    private readonly Action<ProjectMilestone, Guid> _setMilestoneId;
    private readonly Action<ProjectMilestone, Guid> _setMilestoneProject;
    private readonly Action<FigureEntry, Guid> _setFigureId;
    private readonly Action<FigureEntry, Guid> _setFigureProject;
    private readonly long? _aboveScaleFen = new Application.Milestones.AboveScaleOptions().ThresholdFen(StatisticsType.Industrial);

    private Guid[] _enterpriseIds = [];
    private int[] _interactionsPerProject = [];
    private DateTime[] _lastInteraction = [];
    private List<Guid>[] _officersBySector = [];
    private Dictionary<Guid, int> _sectorIndex = [];

    public SyntheticData(DbContext db, SyntheticOptions options, SyntheticCatalogue catalogue)
    {
        _options = options;
        _catalogue = catalogue;
        _start = BureauCalendar.ToUtc(options.AsOf.AddYears(-options.Years), new TimeOnly(9, 0));
        _end = BureauCalendar.ToUtc(options.AsOf, new TimeOnly(18, 0));
        _setProjectId = BulkTable.Setter<InvestmentProject, Guid>(db, nameof(Entity.Id));
        _setChangeId = BulkTable.Setter<StageChange, Guid>(db, nameof(Entity.Id));
        _setChangeProject = BulkTable.Setter<StageChange, Guid>(db, nameof(StageChange.ProjectId));
        _setEnterpriseId = BulkTable.Setter<Enterprise, Guid>(db, nameof(Entity.Id));
        _setInteractionId = BulkTable.Setter<Interaction, Guid>(db, nameof(Entity.Id));
        _setFollowUpId = BulkTable.Setter<FollowUp, Guid>(db, nameof(Entity.Id));
        _setRateId = BulkTable.Setter<ExchangeRate, Guid>(db, nameof(Entity.Id));
        _setMilestoneId = BulkTable.Setter<ProjectMilestone, Guid>(db, nameof(Entity.Id));
        _setMilestoneProject = BulkTable.Setter<ProjectMilestone, Guid>(db, nameof(ProjectMilestone.ProjectId));
        _setFigureId = BulkTable.Setter<FigureEntry, Guid>(db, nameof(Entity.Id));
        _setFigureProject = BulkTable.Setter<FigureEntry, Guid>(db, nameof(FigureEntry.ProjectId));
    }

    public List<AppUser> Officers { get; } = [];
    public List<IdentityUserRole<Guid>> OfficerRoles { get; } = [];
    public List<OfficerSector> OfficerSectors { get; } = [];
    public List<ExchangeRate> Rates { get; } = [];
    public List<Enterprise> Enterprises { get; } = [];
    public List<InvestmentProject> Projects { get; } = [];
    public List<FollowUp> FollowUps { get; } = [];

    /// <summary>The milestones behind the stages from 注册 on, and the verified months 上规 and 达产 rest on.</summary>
    public List<ProjectMilestone> Milestones { get; } = [];
    public List<FigureEntry> Figures { get; } = [];

    public IEnumerable<StageChange> StageChanges => Projects.SelectMany(p => p.StageChanges);

    /// <summary>Everything but the interactions, which <see cref="Interactions"/> yields on demand.</summary>
    public void Build()
    {
        BuildOfficers();
        BuildRates();
        BuildEnterprises();
        BuildProjects();
    }

    private void BuildOfficers()
    {
        var random = SyntheticRandom.Stream(_options.Seed, "officers");
        _officersBySector = [.. _catalogue.SectorIds.Select(_ => new List<Guid>())];
        _sectorIndex = _catalogue.SectorIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var joined = _start.AddDays(-30);
        var width = Math.Max(3, _options.OfficerCount.ToString(CultureInfo.InvariantCulture).Length);
        for (var k = 0; k < _options.OfficerCount; k++)
        {
            var number = (k + 1).ToString(new string('0', width), CultureInfo.InvariantCulture);
            var userName = OfficerPrefix + number;
            var user = new AppUser
            {
                Id = random.NextId(joined.AddMinutes(k)),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = $"{userName}@synthetic.kunshan.test",
                NormalizedEmail = $"{userName}@synthetic.kunshan.test".ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"{random.Pick(Surnames)}{random.Pick(GivenNames)}{random.Pick(GivenNames)}(合成 {number})",
                CreatedAtUtc = joined,
                LockoutEnabled = true,

                // No password: synthetic officers own work but can never sign in.
                PasswordHash = null,
                SecurityStamp = random.NextUInt64().ToString("X16", CultureInfo.InvariantCulture),
                ConcurrencyStamp = random.NextId(joined).ToString(),
            };
            Officers.Add(user);
            OfficerRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = _catalogue.OfficerRoleId });
            var sector = k % _catalogue.SectorIds.Count;
            OfficerSectors.Add(new OfficerSector(user.Id, _catalogue.SectorIds[sector]));
            _officersBySector[sector].Add(user.Id);
        }
    }

    private void BuildRates()
    {
        var random = SyntheticRandom.Stream(_options.Seed, "rates");
        for (var year = _start.Year; year <= _options.AsOf.Year; year++)
        {
            foreach (var (currency, _) in BaseRates)
            {
                if (_catalogue.Rates.Contains((year, currency)))
                {
                    continue;
                }

                var rate = new ExchangeRate(year, currency, (long)Math.Round(RateFor(currency, year) * ExchangeRate.Scale));
                _setRateId(rate, random.NextId(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
                Rates.Add(rate);
            }
        }
    }

    private void BuildEnterprises()
    {
        var random = SyntheticRandom.Stream(_options.Seed, "enterprises");
        var count = _options.EnterpriseCount;
        _enterpriseIds = new Guid[count];
        var combinations = ZhFirst.Length * ZhSecond.Length * Trades.Length;
        for (var i = 0; i < count; i++)
        {
            // A bijection of the index onto name combinations (7919 is prime to their count): unique, yet scattered.
            var p = (int)(((long)i * 7919 + 17) % combinations);
            var round = i / combinations;
            var first = p % ZhFirst.Length;
            var second = p / ZhFirst.Length % ZhSecond.Length;
            var trade = Trades[p / (ZhFirst.Length * ZhSecond.Length)];
            var serial = round == 0 ? "" : round.ToString(CultureInfo.InvariantCulture);
            var country = Countries.Draw(random);
            var ownership = Ownerships.OfCountry(country);
            var core = ZhFirst[first] + ZhSecond[second] + serial;
            string nameZh;
            string? nameEn;
            if (ownership == Ownership.Domestic)
            {
                nameZh = $"{random.Pick(["昆山", "苏州", "江苏", "上海"])}{core}{trade.Zh}有限公司";
                nameEn = random.Chance(0.4) ? $"{EnFirst[first]}{EnSecond[second]}{serial} {trade.En} Co., Ltd." : null;
            }
            else
            {
                nameZh = $"{core}{trade.Zh}({random.Pick(["昆山", "中国", "苏州"])})有限公司";
                nameEn = $"{EnFirst[first]}{EnSecond[second]}{serial} {trade.En} {LegalForm(country)}";
            }

            var enterprise = new Enterprise(nameZh, nameEn, country, ownership);
            var registered = ownership == Ownership.Domestic ? random.Chance(0.95) : random.Chance(0.4);
            if (registered)
            {
                enterprise.SetCreditCode(CreditCodeFor(i));
            }

            var fortune500 = random.Chance(ownership == Ownership.Domestic ? 0.01 : 0.06);
            var listed = fortune500 || random.Chance(0.1);
            var website = nameEn is not null && random.Chance(0.6)
                ? $"https://www.{EnFirst[first].ToLowerInvariant()}{EnSecond[second]}{serial}.example"
                : null;
            enterprise.Describe(fortune500, listed, website, null);
            var id = random.NextId(random.Between(_start.AddYears(-1), _end));
            _setEnterpriseId(enterprise, id);
            _enterpriseIds[i] = id;
            Enterprises.Add(enterprise);
        }
    }

    /// <summary>A valid, unique GB 32100 code: 9 (market regulator) 1 (enterprise) 320583 (Kunshan) + 9 scattered characters + check.</summary>
    internal static string CreditCodeFor(long index)
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const long Space = 26_439_622_160_671; // 31^9
        var value = (long)(((Int128)index * 2_654_435_761 + 1_234_567) % Space);
        Span<char> code = stackalloc char[17];
        "91320583".AsSpan().CopyTo(code);
        for (var i = 16; i >= 8; i--)
        {
            code[i] = Alphabet[(int)(value % 31)];
            value /= 31;
        }

        return string.Concat(code, [CreditCode.CheckCharacter(code)]);
    }

    private sealed record Plan(int Index, ProjectStage Stage, ProjectStage Reached, bool Lease, bool SkipContact, DateTime Created, List<(ProjectStage Stage, DateTime At)> Path, DateTime? SideAt);

    private void BuildProjects()
    {
        var random = SyntheticRandom.Stream(_options.Seed, "projects");
        var plans = new List<Plan>(_options.Projects);
        var window = (_end - _start).TotalDays;
        for (var i = 0; i < _options.Projects; i++)
        {
            var stage = CurrentStage.Draw(random);
            var reached = stage switch
            {
                ProjectStage.OnHold => BeforeOnHold.Draw(random),
                ProjectStage.Lost => BeforeLost.Draw(random),
                _ => stage,
            };
            var lease = reached > ProjectStage.LandSecured && random.Chance(0.3);
            var skipContact = reached >= ProjectStage.Negotiating && random.Chance(0.1);
            var steps = ProjectStages.Pipeline
                .Where(s => s > ProjectStage.Lead && s <= reached && !(lease && s == ProjectStage.LandSecured) && !(skipContact && s == ProjectStage.Contacted))
                .Select(s => (Stage: s, Days: (double)random.Between(DaysInto(s).Min, DaysInto(s).Max)))
                .ToList();
            var sideDays = stage.IsSideState() ? random.Between(10, 200) : 0;
            var dwell = random.Between(0, stage is ProjectStage.Lead ? 120 : 365);
            var total = steps.Sum(s => s.Days) + sideDays + dwell;
            var scale = total > window * 0.95 ? window * 0.95 / total : 1.0;

            // Later years hold more projects: the spare time before the first stage leans towards zero.
            var spare = (window - (total * scale)) * Math.Pow(random.NextDouble(), 1.6);
            var created = _end.AddDays(-(total * scale) - spare);
            created = WholeSeconds(created < _start ? _start : created);
            var at = created;
            var path = new List<(ProjectStage, DateTime)>();
            foreach (var (s, days) in steps)
            {
                at = WholeSeconds(at.AddDays(Math.Max(1, days * scale)).AddSeconds(random.Next(8 * 3600)));
                path.Add((s, at));
            }

            DateTime? sideAt = stage.IsSideState() ? WholeSeconds(at.AddDays(Math.Max(1, sideDays * scale)).AddSeconds(random.Next(8 * 3600))) : null;

            // Rounding up to whole days can overshoot the as-of day: shift the whole history back so nothing is in the future.
            var overshoot = (sideAt ?? at) - _end.AddHours(-1);
            if (overshoot > TimeSpan.Zero)
            {
                created -= overshoot;
                path = [.. path.Select(step => (step.Item1, step.Item2 - overshoot))];
                sideAt -= overshoot;
            }

            plans.Add(new Plan(i, stage, reached, lease, skipContact, created, path, sideAt));
        }

        // Codes and keys follow creation, as they would in the app.
        plans.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : a.Index.CompareTo(b.Index));
        var ids = SyntheticRandom.Stream(_options.Seed, "project-ids");
        var codes = new Dictionary<int, int>();
        _interactionsPerProject = Apportion(plans.Select(p => (1.0 + (0.8 * (int)p.Reached)) * random.Between(0.5, 1.5)).ToList(), ProjectInteractionCount);
        var followUps = Apportion(plans.Select(p => IsClosed(p.Stage) ? 0.4 : (1.0 + (0.3 * (int)p.Reached)) * random.Between(0.5, 1.5)).ToList(), _options.FollowUpCount);
        _lastInteraction = new DateTime[plans.Count];
        var followUpRandom = SyntheticRandom.Stream(_options.Seed, "follow-ups");
        var followUpIds = SyntheticRandom.Stream(_options.Seed, "follow-up-ids");
        var milestoneIds = SyntheticRandom.Stream(_options.Seed, "milestone-ids");
        for (var n = 0; n < plans.Count; n++)
        {
            var plan = plans[n];
            var year = BureauCalendar.DateOf(new DateTimeOffset(plan.Created)).Year;
            codes[year] = codes.GetValueOrDefault(year) + 1;
            var (milestonesFrom, figuresFrom) = (Milestones.Count, Figures.Count);
            var project = BuildProject(random, plan, $"{CodePrefix}{year}-{codes[year]:000000}", n);
            _setProjectId(project, ids.NextId(plan.Created));
            foreach (var milestone in Milestones.Skip(milestonesFrom))
            {
                _setMilestoneId(milestone, milestoneIds.NextId(milestone.RecordedAtUtc));
                _setMilestoneProject(milestone, project.Id);
            }

            foreach (var figure in Figures.Skip(figuresFrom))
            {
                _setFigureId(figure, milestoneIds.NextId(figure.EnteredAtUtc));
                _setFigureProject(figure, project.Id);
            }

            foreach (var change in project.StageChanges)
            {
                _setChangeId(change, ids.NextId(change.AtUtc));
                _setChangeProject(change, project.Id);
            }

            if (_interactionsPerProject[n] > 0)
            {
                var closedAt = IsClosed(project.Stage) ? project.StageEnteredAtUtc : _end;
                var from = closedAt.AddDays(-120) > plan.Created ? closedAt.AddDays(-120) : plan.Created;
                _lastInteraction[n] = random.Between(from, closedAt);
                project.Touch(_lastInteraction[n]);
            }

            AddFollowUps(followUpRandom, followUpIds, project, followUps[n]);
            Projects.Add(project);
        }
    }

    private static DateTime WholeSeconds(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private int ProjectInteractionCount => (int)Math.Round(_options.InteractionCount * 0.95);

    private static bool IsClosed(ProjectStage stage) => stage is ProjectStage.Lost or ProjectStage.AtCapacity;

    private InvestmentProject BuildProject(SyntheticRandom random, Plan plan, string code, int serial)
    {
        var sector = (int)Math.Min(_catalogue.SectorIds.Count - 1, Math.Floor(Math.Pow(random.NextDouble(), 1.3) * _catalogue.SectorIds.Count));
        var officers = _officersBySector[sector];
        var owner = officers.Count > 0 ? random.Pick(officers) : Officers[random.Next(Officers.Count)].Id;
        var enterpriseIndex = random.Next(Enterprises.Count);
        var enterprise = Enterprises[enterpriseIndex];
        var name = $"{enterprise.DisplayName} {random.Pick(ProjectSuffixes)}";
        var project = new InvestmentProject(code, name, Sources.Draw(random), owner, plan.Created);
        var signed = plan.Reached >= ProjectStage.Signed;
        var park = signed || random.Chance(0.35) ? _catalogue.ParkIds[(int)Math.Floor(Math.Pow(random.NextDouble(), 1.5) * _catalogue.ParkIds.Count)] : (Guid?)null;
        project.Place(enterprise.Id, _catalogue.SectorIds[sector], park);

        // Size in CNY yuan, skewed: most projects are tens of millions to a few hundred million, a few are billions.
        var yuan = Math.Clamp(random.LogNormal(2e8, 1.1), 5e6, 5e10);
        var year = plan.Created.Year;
        var currency = ForeignCurrency(enterprise.Country) is { } foreign && random.Chance(0.7) ? foreign : "CNY";
        var rate = RateFor(currency, year);
        Money InCurrency(double amountYuan) => new((long)Math.Round(amountYuan / rate) * 100, currency);
        project.Estimate(random.Chance(0.92) ? InCurrency(yuan * random.Between(0.7, 1.4)) : null, yuan >= 1e9);

        var output = yuan * random.Between(0.8, 2.5);
        if (signed)
        {
            var foreignCapital = enterprise.Ownership == Ownership.Domestic ? (long?)null : (long)(yuan * random.Between(0.3, 1.0) / RateFor("USD", year) * 100);
            var jobs = (int)Math.Max(5, yuan / random.Between(0.8e6, 3e6));
            double? land = plan.Lease || (plan.Reached < ProjectStage.LandSecured && random.Chance(0.4)) ? null : Math.Round(Math.Max(5, yuan / random.Between(1.5e6, 6e6)), 1);
            project.Pledge(InCurrency(yuan), foreignCapital, jobs, (long)(output * random.Between(0.03, 0.08) * 100), (long)(output * 100), land);
        }

        if (plan.Reached >= ProjectStage.Registered)
        {
            project.RegisterProjectCompany(CreditCodeFor(_options.EnterpriseCount + serial));
            var funds = plan.Reached switch
            {
                ProjectStage.Registered => random.Between(0.05, 0.2),
                ProjectStage.LandSecured => random.Between(0.1, 0.35),
                ProjectStage.UnderConstruction => random.Between(0.3, 0.7),
                ProjectStage.Operating => random.Between(0.6, 0.95),
                ProjectStage.AboveScale => random.Between(0.8, 1.0),
                _ => random.Between(0.9, 1.1),
            };
            double? realisedOutput = plan.Reached switch
            {
                ProjectStage.Operating => output * random.Between(0.1, 0.6),
                ProjectStage.AboveScale => Math.Max(2e7 * random.Between(1.05, 1.5), output * random.Between(0.6, 1.0)),
                ProjectStage.AtCapacity => Math.Max(2e7 * random.Between(1.2, 2.0), output * random.Between(0.9, 1.2)),
                _ => null,
            };
            // The undated realised figures these draws once filled are gone (ADR 0029: SyntheticFigures writes the
            // verified months); the draws stay so every later value of the seeded stream, and every benchmark
            // database generated from it, is the one it was.
            if (realisedOutput is not null)
            {
                _ = random.Between(0.3, 1.0);
                _ = random.Between(0.03, 0.08);
            }
        }

        if (signed && !IsClosed(plan.Stage) && random.Chance(0.1))
        {
            project.Block(random.Pick(BlockingIssues));
        }

        // Each stage from 注册 on has its milestone; 上规's and 达产's verified months are checked by another officer.
        var checker = Officers[(Officers.FindIndex(o => o.Id == owner) + 1) % Officers.Count].Id;
        var story = Seeding.MilestoneStory.Tell(project, plan.Path, owner, checker, _aboveScaleFen, null);
        Milestones.AddRange(story.Milestones);
        Figures.AddRange(story.Figures);

        var actor = new StageActor(owner, IsManager: false);
        foreach (var (stage, at) in plan.Path)
        {
            project.MoveTo(stage, actor, null, at, story.Facts);
        }

        if (plan.SideAt is { } sideAt)
        {
            project.MoveTo(plan.Stage, actor, random.Pick(plan.Stage == ProjectStage.Lost ? LostReasons : OnHoldReasons), sideAt, story.Facts);
        }

        return project;
    }

    private void AddFollowUps(SyntheticRandom random, SyntheticRandom ids, InvestmentProject project, int count)
    {
        var asOf = _options.AsOf;
        DateOnly? next = null;
        var closed = IsClosed(project.Stage);
        var latest = closed ? project.StageEnteredAtUtc : _end;
        var officers = _officersBySector[_sectorIndex[project.SectorId!.Value]];
        for (var f = 0; f < count; f++)
        {
            var created = random.Between(project.CreatedAtUtc, latest);
            var createdDay = BureauCalendar.DateOf(new DateTimeOffset(created));
            var due = createdDay.AddDays(random.Between(3, 30));
            var assignee = random.Chance(0.9) || officers.Count == 0 ? project.OwnerId : random.Pick(officers);
            var followUp = new FollowUp(project.Id, assignee, due, random.Pick(FollowUpTitles), project.OwnerId, created);
            var open = !closed && (due > asOf || random.Chance(0.12));
            if (open)
            {
                next = next is { } earlier && earlier < due ? earlier : due;
            }
            else
            {
                var done = BureauCalendar.ToUtc(due.AddDays(-random.Between(0, 3)), new TimeOnly(random.Between(9, 17), random.Next(60)));
                done = done < created ? created.AddHours(1) : done;
                followUp.Complete(assignee, random.Chance(0.3) ? "已完成" : null, done > _end ? _end : done);
            }

            _setFollowUpId(followUp, ids.NextId(created));
            FollowUps.Add(followUp);
        }

        project.ScheduleFollowUp(next);
    }

    /// <summary>The visits, calls and meetings, project by project (the latest at each project's last activity), then aftercare visits without a project.</summary>
    public IEnumerable<Interaction> Interactions()
    {
        var random = SyntheticRandom.Stream(_options.Seed, "interactions");
        var ids = SyntheticRandom.Stream(_options.Seed, "interaction-ids");
        for (var n = 0; n < Projects.Count; n++)
        {
            var project = Projects[n];
            var officers = _officersBySector[_sectorIndex[project.SectorId!.Value]];
            for (var k = 0; k < _interactionsPerProject[n]; k++)
            {
                var at = k == 0 ? _lastInteraction[n] : random.Between(project.CreatedAtUtc, _lastInteraction[n]);
                var by = random.Chance(0.85) || officers.Count == 0 ? project.OwnerId : random.Pick(officers);
                yield return NewInteraction(random, ids, project.EnterpriseId!.Value, project.Id, at, by, random.Pick(Topics));
            }
        }

        var aftercare = _options.InteractionCount - ProjectInteractionCount;
        for (var k = 0; k < aftercare; k++)
        {
            var enterprise = _enterpriseIds[random.Next(_enterpriseIds.Length)];
            var by = Officers[random.Next(Officers.Count)].Id;
            yield return NewInteraction(random, ids, enterprise, null, random.Between(_start, _end), by, "回访企业经营状况");
        }
    }

    private Interaction NewInteraction(SyntheticRandom random, SyntheticRandom ids, Guid enterpriseId, Guid? projectId, DateTime at, Guid by, string topic)
    {
        var kind = InteractionKinds.Draw(random);
        var recorded = at.AddMinutes(random.Next(36 * 60));
        var interaction = new Interaction(
            enterpriseId, projectId, kind, at, by, $"{ZhKind(kind)}:{topic}", random.Chance(0.4) ? random.Pick(NextSteps) : null, recorded > _end ? _end : recorded);
        _setInteractionId(interaction, ids.NextId(at));
        return interaction;
    }

    /// <summary>Splits <paramref name="total"/> by weight, exactly: floors first, the remainder one each to the first rows.</summary>
    private static int[] Apportion(IReadOnlyList<double> weights, int total)
    {
        var counts = new int[weights.Count];
        if (weights.Count == 0)
        {
            return counts;
        }

        var sum = weights.Sum();
        var given = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (int)Math.Floor(total * weights[i] / sum);
            given += counts[i];
        }

        for (var i = 0; given < total; i = (i + 1) % counts.Length)
        {
            counts[i]++;
            given++;
        }

        return counts;
    }
}
