using KunshanInvest.Application.Common;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Events;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Sectors;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Infrastructure.Seeding;

/// <summary>
/// Loads <c>seeds/*.json</c> idempotently: each row is matched on its natural key (code, name, year+currency)
/// and added only when absent, so a second run changes nothing. Demo projects are walked through the real stage
/// machine, so seeded data obeys the same gates as typed-in data.
/// </summary>
public sealed class SeedLoader(AppDbContext db, IdentitySeeder identity, IOptions<SeedOptions> options, TimeProvider clock, Application.Projects.IProjectCodeAllocator codes, SqlDialect dialect, IOptions<Application.Milestones.AboveScaleOptions> aboveScale)
{
    private string Folder => Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(AppContext.BaseDirectory, options.Value.Folder);

    public async Task<SeedReport> LoadAsync(bool demo, CancellationToken cancellationToken)
    {
        var report = new SeedReport();
        await identity.EnsureRolesAsync(report);
        await LoadReferenceAsync(report, cancellationToken);
        if (demo)
        {
            var owners = await identity.EnsureDemoUsersAsync(report);
            await LoadDemoAsync(owners, report, cancellationToken);
            await BackfillDemoSnapshotsAsync(cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// Six month-ends rebuilt from the demo history and today's snapshot, so the dashboard's trend line is not empty
    /// on a fresh demo; only when no snapshot exists yet.
    /// </summary>
    private async Task BackfillDemoSnapshotsAsync(CancellationToken cancellationToken)
    {
        if (await db.PipelineSnapshots.AnyAsync(cancellationToken))
        {
            return;
        }

        var sql = new Reports.ReportSql(db, dialect);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Application.Common.BureauCalendar.DateOf(now);
        for (var back = 6; back >= 1; back--)
        {
            var monthEnd = new DateOnly(today.Year, today.Month, 1).AddMonths(-back + 1).AddDays(-1);
            await sql.BackfillSnapshotAsync(monthEnd, Application.Common.BureauCalendar.ToUtc(monthEnd.AddDays(1), TimeOnly.MinValue), now, cancellationToken);
        }

        await sql.TakeSnapshotAsync(today, now, cancellationToken);
    }

    private async Task LoadReferenceAsync(SeedReport report, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, cancellationToken);
        foreach (var seed in await SeedFiles.ReadAsync<SectorSeed>(Folder, "sectors.json", cancellationToken))
        {
            var added = !sectors.ContainsKey(seed.Code);
            if (added)
            {
                var sector = new Sector(seed.Code, seed.NameZh, seed.NameEn);
                sector.Describe(seed.DescriptionZh, seed.DescriptionEn);
                db.Sectors.Add(sector);
            }

            report.Count("sectors", added);
        }

        var parks = await db.Parks.Select(p => p.Code).ToHashSetAsync(cancellationToken);
        foreach (var seed in await SeedFiles.ReadAsync<ParkSeed>(Folder, "parks.json", cancellationToken))
        {
            var added = parks.Add(seed.Code);
            if (added)
            {
                db.Parks.Add(new Park(seed.Code, seed.NameZh, seed.NameEn, seed.Description));
            }

            report.Count("parks", added);
        }

        var events = await db.Events.Select(e => e.Code).ToHashSetAsync(cancellationToken);
        foreach (var seed in await SeedFiles.ReadAsync<EventSeed>(Folder, "events.json", cancellationToken))
        {
            var added = events.Add(seed.Code);
            if (added)
            {
                var promotion = new PromotionEvent(seed.Code, seed.NameZh, seed.NameEn, Enum.Parse<EventKind>(seed.Kind), seed.StartDate, seed.EndDate);
                promotion.Describe(seed.Place, seed.Organiser, seed.Note);
                promotion.Announce(seed.AnnouncedProjects, seed.AnnouncedInvestmentFen);
                db.Events.Add(promotion);
            }

            report.Count("events", added);
        }

        await LoadEnterprisesAsync("enterprises.json", "enterprises", report, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, Enterprise>> LoadEnterprisesAsync(string file, string kind, SeedReport report, CancellationToken cancellationToken)
    {
        var seeds = await SeedFiles.ReadAsync<EnterpriseSeed>(Folder, file, cancellationToken);
        var names = seeds.Select(s => s.NameZh ?? s.NameEn).ToList();
        var existing = await db.Enterprises.Where(e => names.Contains(e.NameZh) || names.Contains(e.NameEn)).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Enterprise>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var enterprise = existing.FirstOrDefault(e => (seed.NameZh is not null && e.NameZh == seed.NameZh) || (seed.NameZh is null && e.NameEn == seed.NameEn));
            var added = enterprise is null;
            if (enterprise is null)
            {
                enterprise = new Enterprise(seed.NameZh, seed.NameEn, seed.Country, Enum.Parse<Ownership>(seed.Ownership));
                enterprise.SetCreditCode(seed.CreditCode);
                enterprise.Describe(seed.Fortune500, seed.Listed, seed.Website, seed.Note);
                if (seed.Demo)
                {
                    enterprise.MarkDemo();
                }

                db.Enterprises.Add(enterprise);
            }

            byKey[seed.Key] = enterprise;
            report.Count(kind, added);
        }

        await LoadAliasesAsync(seeds, byKey, cancellationToken);
        return byKey;
    }

    /// <summary>The seeded aliases each enterprise lacks (by key), so 瑞幸咖啡（中国）有限公司 finds 瑞幸 and AUO finds 友达光电.</summary>
    private async Task LoadAliasesAsync(IReadOnlyList<EnterpriseSeed> seeds, Dictionary<string, Enterprise> byKey, CancellationToken cancellationToken)
    {
        var ids = byKey.Values.Select(e => e.Id).ToList();
        var have = (await db.EnterpriseAliases.Where(a => ids.Contains(a.EnterpriseId)).Select(a => new { a.EnterpriseId, a.Key }).ToListAsync(cancellationToken))
            .Select(a => (a.EnterpriseId, a.Key)).ToHashSet();
        foreach (var seed in seeds.Where(s => s.Aliases is { Count: > 0 }))
        {
            var enterprise = byKey[seed.Key];
            foreach (var given in seed.Aliases!)
            {
                var alias = new EnterpriseAlias(enterprise.Id, given.Text, Enum.Parse<AliasKind>(given.Kind));
                if (have.Add((enterprise.Id, alias.Key)))
                {
                    if (seed.Demo)
                    {
                        alias.MarkDemo();
                    }

                    db.EnterpriseAliases.Add(alias);
                }
            }
        }
    }

    private async Task LoadDemoAsync(IReadOnlyDictionary<string, Guid> owners, SeedReport report, CancellationToken cancellationToken)
    {
        var rates = await db.ExchangeRates.Select(r => new { r.Year, r.Currency }).ToListAsync(cancellationToken);
        foreach (var seed in await SeedFiles.ReadAsync<RateSeed>(Folder, "exchange-rates.json", cancellationToken))
        {
            var added = !rates.Any(r => r.Year == seed.Year && r.Currency == seed.Currency);
            if (added)
            {
                var rate = new ExchangeRate(seed.Year, seed.Currency, (long)Math.Round(seed.CnyPerUnit * ExchangeRate.Scale));
                rate.MarkDemo();
                db.ExchangeRates.Add(rate);
            }

            report.Count("exchange rates (demo)", added);
        }

        var enterprises = await LoadEnterprisesAsync("enterprises.json", "enterprises", new SeedReport(), cancellationToken);
        foreach (var (key, value) in await LoadEnterprisesAsync("demo-enterprises.json", "enterprises (demo)", report, cancellationToken))
        {
            enterprises[key] = value;
        }

        var contactKeys = (await db.Contacts.Select(c => new { c.EnterpriseId, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.EnterpriseId, c.Name)).ToHashSet();
        foreach (var seed in await SeedFiles.ReadAsync<ContactSeed>(Folder, "demo-contacts.json", cancellationToken))
        {
            var enterprise = enterprises[seed.Enterprise];
            var added = contactKeys.Add((enterprise.Id, seed.Name));
            if (added)
            {
                var contact = new Contact(enterprise.Id, seed.Name);
                contact.Reach(seed.Title, seed.Phone, seed.Email, seed.WeChat);
                contact.MarkDemo();
                db.Contacts.Add(contact);
            }

            report.Count("contacts (demo)", added);
        }

        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var events = await db.Events.ToDictionaryAsync(e => e.Code, e => e.Id, cancellationToken);
        var projects = await db.Projects.Select(p => p.Code).ToHashSetAsync(cancellationToken);
        var projectsAdded = false;
        foreach (var seed in await SeedFiles.ReadAsync<ProjectSeed>(Folder, "demo-projects.json", cancellationToken))
        {
            var added = projects.Add(seed.Code);
            if (added)
            {
                var (project, story) = BuildProject(seed, owners, enterprises, sectors, parks, events, aboveScale.Value);
                db.Projects.Add(project);
                db.Milestones.AddRange(story.Milestones);
                db.FigureEntries.AddRange(story.Figures);
                projectsAdded = true;
            }

            report.Count("projects (demo)", added);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The demo codes were written without the counter: move each year's counter past them (one statement, ADR 0020),
        // on the start that wrote them, not on every later one.
        if (projectsAdded)
        {
            await codes.CatchUpAsync(null, cancellationToken);
        }

        await LoadDemoWorkAsync(owners, enterprises, report, cancellationToken);
        await new DemoFigures(db, clock).LoadAsync(owners, report, cancellationToken);
        await LoadDemoPartnersAsync(owners, report, cancellationToken);
        await DemoRewards.LoadAsync(db, owners, clock.GetUtcNow().UtcDateTime, report, cancellationToken);
        await DemoCommitments.LoadAsync(db, Folder, owners, clock, report, cancellationToken);
        await ServiceSeeder.LoadAsync(db, owners, clock, report, cancellationToken);
        await CarrierSeeder.LoadAsync(db, owners, clock, report, cancellationToken);
        await ReviewSeeder.LoadAsync(db, owners, clock.GetUtcNow().UtcDateTime, report, cancellationToken);
    }

    /// <summary>Demo partner organisations (approved), their members and submissions, matched on name and reference.</summary>
    private async Task LoadDemoPartnersAsync(IReadOnlyDictionary<string, Guid> users, SeedReport report, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var partners = await db.Partners.ToDictionaryAsync(p => p.NameZh, cancellationToken);
        var members = await db.PartnerMembers.Select(m => m.UserId).ToHashSetAsync(cancellationToken);
        var references = await db.Submissions.Select(s => s.Reference).ToHashSetAsync(cancellationToken);
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
        var projects = await db.Projects.ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var officer = users["officer"];
        foreach (var seed in await SeedFiles.ReadAsync<PartnerSeed>(Folder, "demo-partners.json", cancellationToken))
        {
            var added = !partners.TryGetValue(seed.NameZh, out var partner);
            if (partner is null)
            {
                partner = new Partner(seed.NameZh, seed.NameEn, Enum.Parse<PartnerType>(seed.Type), seed.Country, now.AddDays(-420));
                partner.Approve(now.AddDays(-419));
                partner.MarkDemo();
                db.Partners.Add(partner);
            }

            report.Count("partners (demo)", added);
            foreach (var member in seed.Members.Where(m => users.ContainsKey(m) && members.Add(users[m])))
            {
                db.PartnerMembers.Add(new PartnerMember(partner.Id, users[member], isFounder: true, now.AddDays(-420)));
            }

            foreach (var s in seed.Submissions)
            {
                var addedSubmission = references.Add(s.Reference);
                if (addedSubmission)
                {
                    AddDemoSubmission(s, partner.Id, users[seed.Members[0]], officer, sectors, projects, now);
                }

                report.Count("partner submissions (demo)", addedSubmission);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddDemoSubmission(SubmissionSeed seed, Guid partnerId, Guid by, Guid officer, Dictionary<string, Guid> sectors, Dictionary<string, Guid> projects, DateTime now)
    {
        var at = now.AddDays(-seed.SubmittedDaysAgo);
        var submission = new PartnerSubmission(seed.Reference, partnerId, by,
            new SubmittedEnterprise(seed.EnterpriseNameZh, seed.EnterpriseNameEn, seed.Country, seed.CreditCode),
            new SubmittedProject(seed.Summary, sectors[seed.Sector], seed.InvestmentFen is { } fen ? new Money(fen, seed.Currency ?? "CNY") : null,
                seed.LandMu, seed.ExpectedJobs, seed.ContactName, seed.ContactPhone, seed.ContactEmail),
            at);
        submission.MarkDemo();
        var attribution = new Attribution(partnerId, submission.Id, seed.CreditCode,
            seed.EnterpriseNameZh is { } zh ? EnterpriseName.Key(zh) : null, seed.EnterpriseNameEn is { } en ? EnterpriseName.Key(en) : null, at);
        var status = Enum.Parse<SubmissionStatus>(seed.Status);
        if (status != SubmissionStatus.Submitted)
        {
            submission.StartReview(officer, at.AddDays(1));
        }

        if (status == SubmissionStatus.Accepted && seed.Project is { } code)
        {
            submission.Accept(projects[code], officer, at.AddDays(3));
            attribution.LinkProject(projects[code]);
        }

        db.Submissions.Add(submission);
        db.Attributions.Add(attribution);
        if (seed.BureauMessage is { } message)
        {
            db.SubmissionMessages.Add(new SubmissionMessage(submission.Id, partnerId, officer, fromBureau: true, isInternal: false, message, at.AddDays(2)));
        }
    }

    /// <summary>
    /// Demo interactions and follow-ups, matched on (project, occurred at, summary) and (project, title). Each project
    /// keeps the last activity and next follow-up date the app itself would have given it; one save for all.
    /// </summary>
    private async Task LoadDemoWorkAsync(IReadOnlyDictionary<string, Guid> users, IReadOnlyDictionary<string, Enterprise> enterprises, SeedReport report, CancellationToken cancellationToken)
    {
        var interactionSeeds = await SeedFiles.ReadAsync<InteractionSeed>(Folder, "demo-interactions.json", cancellationToken);
        var followUpSeeds = await SeedFiles.ReadAsync<FollowUpSeed>(Folder, "demo-followups.json", cancellationToken);
        var codes = interactionSeeds.Select(s => s.Project).OfType<string>().Concat(followUpSeeds.Select(s => s.Project)).Distinct().ToList();
        var projects = await db.Projects.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        Guid EnterpriseOf(InteractionSeed seed) =>
            (seed.Project is null ? null : projects[seed.Project].EnterpriseId)
            ?? (seed.Enterprise is null ? (Guid?)null : enterprises[seed.Enterprise].Id)
            ?? throw new InvalidOperationException($"Seed interaction at {seed.OccurredAt:O} names neither a project with an enterprise nor an enterprise.");

        var enterpriseIds = interactionSeeds.Select(EnterpriseOf).Distinct().ToList();
        var interactionKeys = (await db.Interactions
                .Where(i => enterpriseIds.Contains(i.EnterpriseId))
                .Select(i => new { i.ProjectId, i.OccurredAtUtc, i.Summary })
                .ToListAsync(cancellationToken))
            .Select(i => (i.ProjectId, i.OccurredAtUtc, i.Summary))
            .ToHashSet();
        foreach (var seed in interactionSeeds)
        {
            var project = seed.Project is null ? null : projects[seed.Project];
            var added = interactionKeys.Add((project?.Id, seed.OccurredAt, seed.Summary.Trim()));
            if (added)
            {
                // Recorded at the time it happened, as an officer would have.
                db.Interactions.Add(new Interaction(EnterpriseOf(seed), project?.Id, Enum.Parse<InteractionKind>(seed.Kind), seed.OccurredAt, users[seed.By], seed.Summary, seed.NextSteps, seed.OccurredAt));
                project?.Touch(seed.OccurredAt);
            }

            report.Count("interactions (demo)", added);
        }

        var today = clock.BureauToday();
        var projectIds = projects.Values.Select(p => p.Id).ToList();
        var followUpKeys = (await db.FollowUps
                .Where(f => projectIds.Contains(f.ProjectId))
                .Select(f => new { f.ProjectId, f.Title })
                .ToListAsync(cancellationToken))
            .Select(f => (f.ProjectId, f.Title))
            .ToHashSet();
        var addedOpen = new Dictionary<Guid, DateOnly>();
        foreach (var seed in followUpSeeds)
        {
            var project = projects[seed.Project];
            var added = followUpKeys.Add((project.Id, seed.Title.Trim()));
            if (added)
            {
                var assignee = users[seed.Assignee];
                var due = today.AddDays(seed.DueInDays);
                var created = Earlier(now, BureauCalendar.ToUtc(due.AddDays(-7), new TimeOnly(9, 0)));
                var followUp = new FollowUp(project.Id, assignee, due, seed.Title, assignee, created);
                if (seed.CompletionNote is not null)
                {
                    followUp.Complete(assignee, seed.CompletionNote, Earlier(now, BureauCalendar.ToUtc(due, new TimeOnly(17, 30))));
                }
                else
                {
                    addedOpen[project.Id] = addedOpen.TryGetValue(project.Id, out var earliest) && earliest < due ? earliest : due;
                }

                db.FollowUps.Add(followUp);
            }

            report.Count("follow-ups (demo)", added);
        }

        // The stored open follow-ups of the same projects count too (a second run, or work done since the first).
        var touchedIds = addedOpen.Keys.ToList();
        var storedOpen = await db.FollowUps
            .Where(f => touchedIds.Contains(f.ProjectId) && f.Status == FollowUpStatus.Open)
            .GroupBy(f => f.ProjectId)
            .Select(g => new { ProjectId = g.Key, Earliest = g.Min(f => f.DueOn) })
            .ToDictionaryAsync(x => x.ProjectId, x => x.Earliest, cancellationToken);
        foreach (var project in projects.Values.Where(p => addedOpen.ContainsKey(p.Id)))
        {
            var due = addedOpen[project.Id];
            project.ScheduleFollowUp(storedOpen.TryGetValue(project.Id, out var stored) && stored < due ? stored : due);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a <= b ? a : b;

    /// <summary>Days from entering one stage to entering the next in the demo's story (common practice, not a rule).</summary>
    private static readonly Dictionary<ProjectStage, int> DemoDaysAfter = new()
    {
        [ProjectStage.Registered] = 60, [ProjectStage.LandSecured] = 60, [ProjectStage.UnderConstruction] = 180,
        [ProjectStage.Operating] = 365, [ProjectStage.AboveScale] = 90,
    };

    private static (InvestmentProject Project, MilestoneStory.Told Story) BuildProject(
        ProjectSeed seed,
        IReadOnlyDictionary<string, Guid> owners,
        IReadOnlyDictionary<string, Enterprise> enterprises,
        IReadOnlyDictionary<string, Guid> sectors,
        IReadOnlyDictionary<string, Guid> parks,
        IReadOnlyDictionary<string, Guid> events,
        Application.Milestones.AboveScaleOptions aboveScale)
    {
        var ownerId = owners[seed.Owner];
        var entered = seed.StageEnteredOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var project = new InvestmentProject(seed.Code, seed.Name, Enum.Parse<SourceChannel>(seed.Source), ownerId, entered);
        project.MarkDemo();
        project.Place(
            seed.Enterprise is null ? null : enterprises[seed.Enterprise].Id,
            seed.Sector is null ? null : sectors[seed.Sector],
            seed.Park is null ? null : parks[seed.Park]);
        project.LinkEvent(seed.Event is null ? null : events[seed.Event]);
        var investment = seed.InvestmentFen is > 0 ? new Money(seed.InvestmentFen.Value, seed.Currency ?? "CNY") : null;
        project.Estimate(investment, seed.Major);
        project.Block(seed.BlockingIssues);

        var target = Enum.Parse<ProjectStage>(seed.Stage);
        if (target is >= ProjectStage.Signed and <= ProjectStage.AtCapacity)
        {
            project.Pledge(investment, seed.ForeignCapitalUsdCents, seed.ExpectedJobs, seed.ExpectedAnnualTaxFen, seed.ExpectedAnnualOutputFen, seed.LandMu);
            project.RegisterProjectCompany(seed.ProjectCompanyCreditCode);
        }

        // From 注册 on, each stage the project passed has its milestone, dated back from the day it entered its stage;
        // a project without land in 亩 leases its premises and skips 供地.
        var path = new List<(ProjectStage, DateTime)>();
        if (target is >= ProjectStage.Registered and <= ProjectStage.AtCapacity)
        {
            var at = entered;
            for (var stage = target; stage >= ProjectStage.Registered; stage--)
            {
                if (stage != ProjectStage.LandSecured || seed.LandMu is > 0)
                {
                    path.Insert(0, (stage, at));
                }

                at = stage > ProjectStage.Registered ? at.AddDays(-DemoDaysAfter[stage - 1]) : at;
            }
        }

        var enterprise = seed.Enterprise is null ? null : enterprises[seed.Enterprise];
        var threshold = enterprise is null ? null : aboveScale.ThresholdFen(enterprise.StatisticsType);
        var story = MilestoneStory.Tell(project, path, ownerId, owners["manager"], threshold, $"演示宗地 {seed.Code}");
        foreach (var milestone in story.Milestones)
        {
            milestone.MarkDemo();
        }

        foreach (var figure in story.Figures)
        {
            figure.MarkDemo();
        }

        var seeder = new StageActor(ownerId, IsManager: true);
        if (target.IsSideState())
        {
            project.MoveTo(ProjectStage.Negotiating, seeder, null, entered, story.Facts);
            project.MoveTo(target, seeder, seed.LostReason ?? "演示数据:暂缓推进 / demo: paused", entered, story.Facts);
        }
        else if (target != ProjectStage.Lead)
        {
            project.MoveTo(target, seeder, null, entered, story.Facts);
        }

        project.Backdate(entered);
        return (project, story);
    }
}
