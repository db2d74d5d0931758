using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using Microsoft.EntityFrameworkCore;
using C = KunshanInvest.Application.Projects.ImportLedger.LedgerColumns;

namespace KunshanInvest.Application.Projects.ImportLedger;

/// <summary>
/// The ledger import's work, shared by the preview and the confirmed import (ADR 0028): read and check every row, resolve
/// enterprises (credit code, else name or alias key) and projects (code, else enterprise + project name) in a fixed number
/// of statements per 500 rows, and — when confirmed — write everything in one SaveChanges, one transaction.
/// </summary>
internal sealed class LedgerImporter(IAppDbContext db, IUserDirectory users, IProjectCodeAllocator allocator, TimeProvider clock)
{
    public const string ImportNote = "台账导入";

    /// <summary>Values per statement: EF sends a list as one parameter per value, and SQL Server takes at most 2,100.</summary>
    private const int ValuesPerQuery = 500;

    private readonly List<LedgerDraft> _drafts = [];
    private readonly List<FigureDraft> _figures = [];
    private readonly List<LedgerNewEnterprise> _newEnterprises = [];
    private Dictionary<(int Year, string Currency), long> _rates = [];
    private int _figuresWritten;
    private int _milestonesWritten;

    public bool HasErrors => _drafts.Any(d => d.Errors.Count > 0) || _figures.Any(f => f.Errors.Count > 0);

    public int ErrorCount => _drafts.Count(d => d.Errors.Count > 0) + _figures.Count(f => f.Errors.Count > 0);

    public async Task CheckAsync(byte[] content, IProgress<LedgerProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new LedgerProgress(LedgerPhase.Reading, 0, 0));
        var (ledger, figures) = LedgerWorkbook.Read(content, progress is null ? null : new Progress<int>(n => progress.Report(new LedgerProgress(LedgerPhase.Reading, n, 0))));
        var lookups = await LookupsAsync(ledger, cancellationToken);

        for (var i = 0; i < ledger.Count; i++)
        {
            _drafts.Add(LedgerRules.Check(ledger[i], lookups));
            if ((i + 1) % 500 == 0)
            {
                progress?.Report(new LedgerProgress(LedgerPhase.Checking, i + 1, ledger.Count));
            }
        }

        _figures.AddRange(figures.Select(f => LedgerRules.CheckFigures(f, lookups)));
        DuplicatesInSheet();
        await ResolveEnterprisesAsync(cancellationToken);
        await ResolveProjectsAsync(cancellationToken);
        LinkFigures();
        progress?.Report(new LedgerProgress(LedgerPhase.Checking, ledger.Count, ledger.Count));
    }

    public LedgerImportResult Result(bool confirmed)
    {
        var items = new List<LedgerRowResult>(_drafts.Count + _figures.Count);
        foreach (var d in _drafts)
        {
            var enterprise = d.Existing is { } e ? e.NameZh ?? e.NameEn : d.Planned?.Name ?? d.EnterpriseName;
            var action = d.Errors.Count > 0 ? (LedgerAction?)null : d.Project is { } p && !IsNew(p) ? LedgerAction.Update : LedgerAction.Create;
            items.Add(new LedgerRowResult(
                C.LedgerSheet, d.Row, action, d.Project?.Code ?? d.Code, d.Name, enterprise, d.How, d.Stage ?? d.Project?.Stage,
                d.Figures.Count, confirmed ? d.Project?.Id : null, d.Errors));
        }

        foreach (var f in _figures)
        {
            items.Add(new LedgerRowResult(
                C.FiguresSheet, f.Row, null, f.Project?.Project?.Code ?? f.Project?.Code, f.Project?.Name ?? f.ProjectText, null, LedgerEnterpriseMatch.None, null,
                f.Values.Count, confirmed ? f.Project?.Project?.Id : null, f.Errors));
        }

        var ok = _drafts.Where(d => d.Errors.Count == 0).ToList();
        return new LedgerImportResult(
            confirmed, _drafts.Count, _figures.Count, ErrorCount,
            ok.Count(d => d.Project is null || IsNew(d.Project)),
            ok.Count(d => d.Project is { } p && !IsNew(p)),
            _newEnterprises.Count(n => ok.Any(d => d.Planned == n)),
            _figuresWritten, _milestonesWritten, items);
    }

    private readonly HashSet<InvestmentProject> _created = [];

    private bool IsNew(InvestmentProject project) => _created.Contains(project);

    private async Task<LedgerLookups> LookupsAsync(IReadOnlyList<LedgerCells> ledger, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().Where(s => s.IsActive).Select(s => new LedgerRef(s.Id, s.Code, s.NameZh)).ToListAsync(cancellationToken);
        var parks = await db.Parks.AsNoTracking().Select(p => new LedgerRef(p.Id, p.Code, p.NameZh)).ToListAsync(cancellationToken);
        var owners = await users.StaffByUserNameAsync(ledger.Select(r => r.Text(C.Owner)).OfType<string>(), cancellationToken);
        var rates = await db.ExchangeRates.AsNoTracking().Select(r => new { r.Year, r.Currency, r.CnyPerUnitMicros }).ToListAsync(cancellationToken);
        _rates = rates.ToDictionary(r => (r.Year, r.Currency), r => r.CnyPerUnitMicros);
        return new LedgerLookups(sectors, parks, owners, _rates.Keys.ToHashSet(), clock.BureauToday());
    }

    /// <summary>A code twice in the sheet is an error on each of its rows; so is the same project name of the same enterprise without codes.</summary>
    private void DuplicatesInSheet()
    {
        foreach (var group in _drafts.Where(d => d.Code is not null).GroupBy(d => d.Code!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var rows = string.Join("、", group.Select(d => d.Row));
            foreach (var draft in group)
            {
                draft.Fail(C.Code, M.LedgerCodeDuplicate.With(("code", group.Key), ("rows", rows)));
            }
        }
    }

    private async Task ResolveEnterprisesAsync(CancellationToken cancellationToken)
    {
        var named = _drafts.Where(d => d.CreditCode is not null || d.NameKeys.Count > 0).ToList();
        var existing = await EnterpriseDuplicates.FindAllAsync(
            db, [.. named.Where(d => d.CreditCode is not null).Select(d => d.CreditCode!)], [.. named.SelectMany(d => d.NameKeys)], cancellationToken);
        var byCode = existing.Where(e => e.CreditCode is not null).GroupBy(e => e.CreditCode!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var draft in named)
        {
            if (draft.CreditCode is not null && byCode.TryGetValue(draft.CreditCode, out var byCredit))
            {
                draft.Existing = byCredit;
                draft.How = LedgerEnterpriseMatch.CreditCode;
                continue;
            }

            var matches = existing.Where(e => e.HasKey(draft.NameKeys)).ToList();
            if (matches.Count > 1)
            {
                draft.Fail(C.Enterprise, M.LedgerEnterpriseSeveral.With(("names", string.Join("、", matches.Select(m => m.NameZh ?? m.NameEn)))));
                continue;
            }

            if (matches.Count == 1)
            {
                var match = matches[0];
                if (draft.CreditCode is not null && match.CreditCode is not null && match.CreditCode != draft.CreditCode)
                {
                    draft.Fail(C.CreditCode, M.LedgerEnterpriseOtherCode.With(("name", match.NameZh ?? match.NameEn), ("code", match.CreditCode)));
                    continue;
                }

                draft.Existing = match;
                draft.How = match.NameZhKey is not null && draft.NameKeys.Contains(match.NameZhKey) || match.NameEnKey is not null && draft.NameKeys.Contains(match.NameEnKey)
                    ? LedgerEnterpriseMatch.Name
                    : LedgerEnterpriseMatch.Alias;
                continue;
            }

            var planned = _newEnterprises.FirstOrDefault(p => (draft.CreditCode is not null && p.CreditCode == draft.CreditCode) || p.Keys.Overlaps(draft.NameKeys));
            if (planned is null)
            {
                if (draft.EnterpriseName is null)
                {
                    draft.Fail(C.Enterprise, M.LedgerEnterpriseRequired);
                    continue;
                }

                planned = new LedgerNewEnterprise(draft);
                _newEnterprises.Add(planned);
            }
            else if (draft.CreditCode is not null && planned.CreditCode is not null && planned.CreditCode != draft.CreditCode)
            {
                draft.Fail(C.CreditCode, M.LedgerEnterpriseOtherCode.With(("name", planned.Name), ("code", planned.CreditCode)));
                continue;
            }

            planned.CreditCode ??= draft.CreditCode;
            planned.Keys.UnionWith(draft.NameKeys);
            draft.Planned = planned;
            draft.How = LedgerEnterpriseMatch.New;
        }
    }

    /// <summary>Existing projects by code (one query per 500 codes), else by enterprise and name (one per 500 enterprises); then the stage rule.</summary>
    private async Task ResolveProjectsAsync(CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, InvestmentProject>(StringComparer.OrdinalIgnoreCase);
        foreach (var codes in _drafts.Where(d => d.Code is not null).Select(d => d.Code!).Distinct(StringComparer.OrdinalIgnoreCase).Chunk(ValuesPerQuery))
        {
            foreach (var project in await db.Projects.Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken))
            {
                byCode[project.Code] = project;
            }
        }

        var byName = new Dictionary<(Guid, string), List<InvestmentProject>>();
        var enterpriseIds = _drafts.Where(d => d.Code is null && d.Existing is not null).Select(d => (Guid?)d.Existing!.Id).Distinct().ToList();
        foreach (var ids in enterpriseIds.Chunk(ValuesPerQuery))
        {
            foreach (var project in await db.Projects.Where(p => ids.Contains(p.EnterpriseId)).ToListAsync(cancellationToken))
            {
                var key = (project.EnterpriseId!.Value, project.Name);
                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = [];
                }

                list.Add(project);
            }
        }

        // Without a code, a row is its enterprise + project name: twice in the sheet is as ambiguous as a code twice.
        foreach (var group in _drafts.Where(d => d.Code is null && d.Name is not null && (d.Existing is not null || d.Planned is not null))
                     .GroupBy(d => (Enterprise: (object?)d.Existing?.Id ?? d.Planned, d.Name)).Where(g => g.Count() > 1))
        {
            var rows = string.Join("、", group.Select(d => d.Row));
            foreach (var draft in group)
            {
                draft.Fail(C.Name, M.LedgerNameDuplicate.With(("name", group.Key.Name), ("rows", rows)));
            }
        }

        foreach (var draft in _drafts)
        {
            InvestmentProject? project = null;
            if (draft.Code is not null)
            {
                byCode.TryGetValue(draft.Code, out project);
            }
            else if (draft.Existing is not null && draft.Name is not null && byName.TryGetValue((draft.Existing.Id, draft.Name), out var same))
            {
                project = same[0];
            }

            draft.Project = project;
            if (project is null || draft.Stage is not { } stage)
            {
                continue;
            }

            var current = new Bilingual(project.Stage.ZhName(), project.Stage.ToString());
            if (!project.Stage.IsPipeline() && stage != project.Stage)
            {
                draft.Fail(C.Stage, M.LedgerStageSideState);
            }
            else if (stage < project.Stage)
            {
                draft.Fail(C.Stage, M.LedgerStageBackward.With(("current", current), ("stage", new Bilingual(stage.ZhName(), stage.ToString()))));
            }
        }
    }

    /// <summary>Figure rows name a ledger row by its code, else its project name; one period per project and row.</summary>
    private void LinkFigures()
    {
        var byCode = _drafts.Where(d => d.Code is not null).GroupBy(d => d.Code!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byName = _drafts.Where(d => d.Name is not null).GroupBy(d => d.Name!, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var figure in _figures)
        {
            var project = byCode.GetValueOrDefault(figure.ProjectText) ?? byName.GetValueOrDefault(figure.ProjectText);
            if (project is null)
            {
                figure.Fail(C.Project, M.LedgerFigureProject.With(("text", figure.ProjectText)));
                continue;
            }

            figure.Project = project;
            project.Figures.Add(figure);
        }

        foreach (var group in _figures.Where(f => f.Project is not null && f.Period > 0).GroupBy(f => (f.Project, f.Period)).Where(g => g.Count() > 1))
        {
            var rows = string.Join("、", group.Select(f => f.Row));
            foreach (var figure in group)
            {
                figure.Fail(C.Year, M.LedgerFigureDuplicate.With(("project", figure.ProjectText), ("period", FigurePeriod.Format(group.Key.Period)), ("rows", rows)));
            }
        }
    }

    /// <summary>Adds and changes everything the sheet says, then saves once: all rows or, on any failure, none.</summary>
    public async Task WriteAsync(Guid managerId, IProgress<LedgerProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var year = clock.BureauToday().Year;
        var fresh = _drafts.Where(d => d.Project is null && d.Code is null).ToList();
        var codes = new Queue<string>(await ProjectCodes.NextAsync(allocator, year, fresh.Count, cancellationToken));

        var existingIds = _drafts.Where(d => d.Project is not null).Select(d => d.Project!.Id).ToList();
        var milestones = await LoadAsync(existingIds, ids => db.Milestones.Where(m => ids.Contains(m.ProjectId)), cancellationToken);
        var counting = await LoadAsync(existingIds, ids => db.FigureEntries.Where(f => ids.Contains(f.ProjectId) && f.Status == FigureStatus.Verified), cancellationToken);
        var milestoneOf = milestones.ToDictionary(m => (m.ProjectId, m.Kind));
        var countingOf = counting.GroupBy(f => (f.ProjectId, f.Kind, f.Period)).ToDictionary(g => g.Key, g => g.First());

        var done = 0;
        foreach (var draft in _drafts)
        {
            var enterpriseId = EnterpriseOf(draft);
            var project = draft.Project;
            var steps = Steps(draft, project?.Stage ?? ProjectStage.Lead);
            if (project is null)
            {
                var createdAt = steps.Count > 0 ? steps[0].AtUtc : now;
                project = new InvestmentProject(draft.Code ?? codes.Dequeue(), draft.Name!, draft.Source ?? SourceChannel.WalkIn, draft.OwnerId ?? managerId, createdAt, managerId);
                db.Projects.Add(project);
                draft.Project = project;
                _created.Add(project);
            }

            project.Rename(draft.Name!);
            project.Place(enterpriseId, draft.Sector?.Id ?? project.SectorId, draft.Park?.Id ?? project.ParkId);
            if (draft.OwnerId is { } owner)
            {
                project.AssignOwner(owner);
            }

            if (draft.Source is { } source)
            {
                project.ChangeSource(source);
            }

            project.Pledge(
                draft.Investment ?? project.PledgedInvestment, project.PledgedForeignCapitalUsdCents, project.PledgedJobs,
                draft.TaxFen ?? project.PledgedAnnualTaxFen, draft.OutputFen ?? project.PledgedAnnualOutputFen, draft.LandMu ?? draft.SuppliedMu ?? project.PledgedLandMu);
            if ((draft.CompanyCreditCode ?? (draft.Stage >= ProjectStage.Registered ? CreditCodeOf(draft) : null)) is { } companyCode)
            {
                project.RegisterProjectCompany(companyCode);
            }

            project.ImportHistory(steps, managerId, ImportNote, now);
            WriteMilestones(draft, project, milestoneOf, managerId, now);
            WriteFigures(draft, project, countingOf, managerId, now);

            if (++done % 500 == 0)
            {
                progress?.Report(new LedgerProgress(LedgerPhase.Saving, done, _drafts.Count));
            }
        }

        progress?.Report(new LedgerProgress(LedgerPhase.Saving, _drafts.Count, _drafts.Count));
        await ProjectCodes.SaveAsync(db, allocator, [.. _created.Where(p => fresh.Any(d => d.Project == p))], year, cancellationToken);
        progress?.Report(new LedgerProgress(LedgerPhase.Done, _drafts.Count, _drafts.Count));
    }

    private Guid EnterpriseOf(LedgerDraft draft)
    {
        if (draft.Existing is { } existing)
        {
            return existing.Id;
        }

        var planned = draft.Planned!;
        if (planned.Entity is null)
        {
            var isChinese = planned.Name.Any(c => c is >= '\u4e00' and <= '\u9fff');
            planned.Entity = new Enterprise(isChinese ? planned.Name : null, isChinese ? null : planned.Name, "CN", Ownership.Domestic);
            planned.Entity.SetCreditCode(planned.CreditCode);
            db.Enterprises.Add(planned.Entity);
        }

        return planned.Entity.Id;
    }

    private static string? CreditCodeOf(LedgerDraft draft) => draft.CreditCode ?? draft.Existing?.CreditCode ?? draft.Planned?.CreditCode;

    /// <summary>The dated stages after <paramref name="from"/> up to the row's stage, at noon Beijing time of each date.</summary>
    private List<(ProjectStage Stage, DateTime AtUtc)> Steps(LedgerDraft draft, ProjectStage from)
    {
        var steps = new List<(ProjectStage, DateTime)>();
        if (draft.Stage is not { } target || !from.IsPipeline())
        {
            return steps;
        }

        foreach (var (stage, _) in LedgerRules.DatedStages)
        {
            if (stage >= from && stage <= target && draft.Dates.TryGetValue(stage, out var date))
            {
                var at = date.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc);
                var now = clock.GetUtcNow().UtcDateTime;
                steps.Add((stage, at > now ? now : at));
            }
        }

        if (target > from && (steps.Count == 0 || steps[^1].Item1 != target))
        {
            // 接洽 and 洽谈 carry no date in the ledger: they are entered on the day of the import.
            steps.Add((target, clock.GetUtcNow().UtcDateTime));
        }

        return steps;
    }

    private void WriteMilestones(LedgerDraft draft, InvestmentProject project, Dictionary<(Guid, MilestoneKind), ProjectMilestone> existing, Guid managerId, DateTime now)
    {
        var dated = new (MilestoneKind Kind, ProjectStage Stage)[]
        {
            (MilestoneKind.Registered, ProjectStage.Registered), (MilestoneKind.LandSupplied, ProjectStage.LandSecured),
            (MilestoneKind.ConstructionStarted, ProjectStage.UnderConstruction), (MilestoneKind.ProductionStarted, ProjectStage.Operating),
            (MilestoneKind.EnteredStatistics, ProjectStage.AboveScale), (MilestoneKind.CapacityReached, ProjectStage.AtCapacity),
        };
        foreach (var (kind, stage) in dated)
        {
            if (!draft.Dates.TryGetValue(stage, out var date))
            {
                continue;
            }

            if (!existing.TryGetValue((project.Id, kind), out var milestone))
            {
                milestone = new ProjectMilestone(project.Id, kind, managerId, now);
                db.Milestones.Add(milestone);
                existing[(project.Id, kind)] = milestone;
            }

            milestone.Reach(date, managerId, now);
            milestone.Describe(
                kind == MilestoneKind.Registered ? draft.CompanyCreditCode ?? CreditCodeOf(draft) : milestone.CreditCode,
                kind == MilestoneKind.LandSupplied ? draft.SuppliedMu ?? draft.LandMu ?? milestone.LandMu : milestone.LandMu,
                kind == MilestoneKind.LandSupplied ? draft.Parcel ?? milestone.CarrierReference : milestone.CarrierReference,
                kind == MilestoneKind.EnteredStatistics ? draft.StatisticsPeriod : milestone.StatisticsPeriod,
                milestone.Note ?? ImportNote);
            _milestonesWritten++;
        }
    }

    /// <summary>
    /// Each figure as a verified, imported entry (FigureEntry.AcceptImported by the confirming manager). A counting entry
    /// of the same project, kind and month with the same value is left alone; with another value it is superseded.
    /// </summary>
    private void WriteFigures(LedgerDraft draft, InvestmentProject project, Dictionary<(Guid, FigureKind, int), FigureEntry> counting, Guid managerId, DateTime now)
    {
        foreach (var figure in draft.Figures)
        {
            var note = figure.WholeYear
                ? $"{ImportNote}:{FigurePeriod.Year(figure.Period)} 年全年"
                : $"{ImportNote}:截至 {FigurePeriod.Format(figure.Period)}";
            foreach (var (kind, amount, currency, given) in figure.Values)
            {
                var value = given >= 0 ? given : ExchangeRate.Convert(amount, _rates[(FigurePeriod.Year(figure.Period), currency!)]);
                counting.TryGetValue((project.Id, kind, figure.Period), out var previous);
                if (previous is not null && previous.Value == value && previous.Amount == amount)
                {
                    continue;
                }

                var entry = new FigureEntry(project.Id, kind, figure.Period, amount, currency, value, null, note, managerId, now, previous?.Id);
                entry.AcceptImported(managerId, now);
                previous?.SupersedeBy(entry.Id);
                db.FigureEntries.Add(entry);
                counting[(project.Id, kind, figure.Period)] = entry;
                _figuresWritten++;
            }
        }
    }

    private static async Task<List<T>> LoadAsync<T>(List<Guid> ids, Func<Guid[], IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        foreach (var chunk in ids.Distinct().Chunk(ValuesPerQuery))
        {
            result.AddRange(await query(chunk).ToListAsync(cancellationToken));
        }

        return result;
    }
}
