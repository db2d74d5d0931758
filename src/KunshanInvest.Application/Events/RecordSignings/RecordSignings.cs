using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.ImportLeads;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Events;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Events.RecordSignings;

/// <summary>
/// 签约仪式: the projects signed at an event, entered as one table. Each row names an enterprise (picked, or new with the
/// duplicate check) and a project (an existing one of that enterprise, or a new one), with sector, park and pledged
/// investment; every project moves to 签约 with the event linked. Rows are checked one by one and saved together in
/// one unit of work, or not at all: any row's problem comes back keyed <c>rows[i].field</c> (i from 0).
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Admin},{Roles.Manager}")]
public sealed record RecordSignings(Guid EventId, IReadOnlyList<SigningRow> Rows) : ICommand<SigningsRecorded>
{
    public const int MaxRows = 500;
}

/// <summary>
/// One signing. Sector, park and pledge default to what an existing project already holds; the 签约 gate then says what
/// is still missing.
/// </summary>
public sealed record SigningRow(
    Guid? EnterpriseId = null,
    SigningEnterprise? NewEnterprise = null,
    Guid? ProjectId = null,
    string? ProjectName = null,
    Guid? SectorId = null,
    Guid? ParkId = null,
    MoneyDto? PledgedInvestment = null,
    bool ConfirmNotDuplicate = false);

/// <summary>An enterprise typed in the table; ownership follows the country (CN domestic, HK/MO/TW 港澳台, else foreign).</summary>
public sealed record SigningEnterprise(string? NameZh, string? NameEn = null, string? CreditCode = null, string Country = "CN")
;

public sealed record SigningsRecorded(int Count, int NewEnterprises, int NewProjects, IReadOnlyList<RecordedSigning> Items);

public sealed record RecordedSigning(int Row, Guid ProjectId, string Code, Guid EnterpriseId, int Version);

/// <summary>Rows that are well-formed but break a business rule — a stage gate, a project already past 签约 (422).</summary>
public sealed class SigningRulesException(IReadOnlyList<ValidationFailure> errors)
    : DomainRuleException("signing.rows", $"{errors.Count} problems in the table: {string.Join("; ", errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}")
{
    public IReadOnlyList<ValidationFailure> Errors { get; } = errors;
}

public sealed class RecordSigningsValidator : AbstractValidator<RecordSignings>
{
    public RecordSigningsValidator()
    {
        RuleFor(x => x.Rows).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMsg(M.SigningAtLeastOne)
            .Must(r => r.Count <= RecordSignings.MaxRows).WithMsg(M.SigningTooManyRows.With(("max", RecordSignings.MaxRows)));
        RuleForEach(x => x.Rows).NotNull().SetValidator(new SigningRowValidator());
    }
}

public sealed class SigningRowValidator : AbstractValidator<SigningRow>
{
    public SigningRowValidator()
    {
        RuleFor(x => x.EnterpriseId)
            .Must((row, _) => (row.EnterpriseId is null) != (row.NewEnterprise is null))
            .WithMsg(M.SigningEnterpriseOneOf);
        RuleFor(x => x.ProjectId)
            .Null().When(x => x.NewEnterprise is not null)
            .WithMsg(M.SigningNewProjectName);
        RuleFor(x => x.ProjectName).MaximumLength(InvestmentProject.NameMaxLength);
        RuleFor(x => x.PledgedInvestment!).SetValidator(new MoneyValidator()).When(x => x.PledgedInvestment is not null);
        RuleFor(x => x.NewEnterprise!).SetValidator(new SigningEnterpriseValidator()).When(x => x.NewEnterprise is not null);
    }
}

/// <summary>The lead form's rules for a typed enterprise (<see cref="NewEnterpriseValidator"/>), on the table's shape.</summary>
public sealed class SigningEnterpriseValidator : AbstractValidator<SigningEnterprise>
{
    public SigningEnterpriseValidator()
    {
        RuleFor(x => x.NameZh).MaximumLength(Enterprise.NameMaxLength)
            .Must((x, _) => !string.IsNullOrWhiteSpace(x.NameZh) || !string.IsNullOrWhiteSpace(x.NameEn))
            .WithMsg(M.SigningEnterpriseName);
        RuleFor(x => x.NameEn).MaximumLength(Enterprise.NameMaxLength);
        RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMsg(M.CountryCode);
        RuleFor(x => x.CreditCode).Custom((code, context) => CreditCodeRule.Report(code, context));
    }
}

public sealed class RecordSigningsHandler(IAppDbContext db, IProjectCodeAllocator allocator, ICurrentUser user, Notifier notifier, TimeProvider clock) : ICommandHandler<RecordSignings, SigningsRecorded>
{
    /// <summary>Ids per statement: EF 10 sends a list as one parameter per value, and SQL Server takes at most 2,100.</summary>
    private const int IdsPerQuery = 500;

    public async ValueTask<SigningsRecorded> Handle(RecordSignings command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var now = clock.GetUtcNow().UtcDateTime;
        var promotion = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == command.EventId, cancellationToken)
            ?? throw new NotFoundException("Event", command.EventId);

        var rows = command.Rows.Select((r, i) => new Draft(i, r)).ToList();
        var context = await LoadAsync(rows, cancellationToken);
        try
        {
            ResolveEnterprises(rows, context);
            ResolveProjects(rows, context);
            CheckPlaces(rows, context);

            // The rows that passed so far still meet the gates, so that one answer names every row's problems.
            var clean = rows.Where(r => r.Errors.Count == 0).ToList();
            var inputErrors = rows.Count != clean.Count;
            Sign(clean, promotion, me, now);
            var errors = rows.SelectMany(r => r.Errors).ToList();
            if (inputErrors)
            {
                throw new ValidationException(errors);
            }

            if (errors.Count > 0)
            {
                throw new SigningRulesException(errors);
            }
        }
        catch
        {
            // The context may outlive this command (a Blazor circuit): leave nothing half-signed in it.
            foreach (var project in context.Projects.Values)
            {
                db.Projects.Entry(project).State = EntityState.Detached;
            }

            throw;
        }

        var planned = rows.Where(r => r.Planned is not null).Select(r => r.Planned!).Distinct().ToList();
        foreach (var enterprise in planned)
        {
            db.Enterprises.Add(enterprise.Entity);
        }

        // Numbers are reserved only once every row passed, so a refused table uses none of them.
        var fresh = rows.Where(r => r.Existing is null).Select(r => r.Project!).ToList();
        var codes = await ProjectCodes.NextAsync(allocator, clock.BureauToday().Year, fresh.Count, cancellationToken);
        foreach (var (project, code) in fresh.Zip(codes))
        {
            project.Renumber(code);
        }

        db.Projects.AddRange(fresh);
        foreach (var project in rows.Select(r => r.Existing).OfType<InvestmentProject>().Where(p => p.OwnerId != me))
        {
            notifier.Notify(project.OwnerId, "project.signed", M.ProjectSignedAtEvent.With(("code", project.Code), ("event", Bilingual.Of(promotion.NameZh, promotion.NameEn))), M.Text.With(("text", project.Name)), $"/projects/{project.Id}");
        }

        await ProjectCodes.SaveAsync(db, allocator, fresh, clock.BureauToday().Year, cancellationToken);

        return new SigningsRecorded(
            rows.Count,
            planned.Count,
            fresh.Count,
            [.. rows.Select(r => new RecordedSigning(r.Index, r.Project!.Id, r.Project.Code, r.Project.EnterpriseId!.Value, r.Project.Version))]);
    }

    /// <summary>Everything the rows refer to, in a bounded number of queries whatever the number of rows.</summary>
    private async Task<Context> LoadAsync(List<Draft> rows, CancellationToken cancellationToken)
    {
        var sectorIds = rows.Where(r => r.Row.SectorId is not null).Select(r => r.Row.SectorId!.Value).Distinct().ToList();
        var parkIds = rows.Where(r => r.Row.ParkId is not null).Select(r => r.Row.ParkId!.Value).Distinct().ToList();
        var enterpriseIds = rows.Where(r => r.Row.EnterpriseId is not null).Select(r => r.Row.EnterpriseId!.Value).Distinct().ToList();
        var projectIds = rows.Where(r => r.Row.ProjectId is not null).Select(r => r.Row.ProjectId!.Value).Distinct().ToList();

        var sectors = new Dictionary<Guid, (string NameZh, string NameEn, bool IsActive)>();
        foreach (var chunk in sectorIds.Chunk(IdsPerQuery))
        {
            foreach (var s in await db.Sectors.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.NameZh, s.NameEn, s.IsActive }).ToListAsync(cancellationToken))
            {
                sectors[s.Id] = (s.NameZh, s.NameEn, s.IsActive);
            }
        }

        var parks = new HashSet<Guid>();
        foreach (var chunk in parkIds.Chunk(IdsPerQuery))
        {
            parks.UnionWith(await db.Parks.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        var enterprises = new Dictionary<Guid, (string Name, Guid? MergedIntoId)>();
        foreach (var chunk in enterpriseIds.Chunk(IdsPerQuery))
        {
            foreach (var e in await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.NameZh, e.NameEn, e.MergedIntoId }).ToListAsync(cancellationToken))
            {
                enterprises[e.Id] = (e.NameZh ?? e.NameEn ?? "", e.MergedIntoId);
            }
        }

        // Tracked: these projects are signed in place.
        var projects = new Dictionary<Guid, InvestmentProject>();
        foreach (var chunk in projectIds.Chunk(IdsPerQuery))
        {
            foreach (var p in await db.Projects.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                projects[p.Id] = p;
            }
        }

        var typed = rows.Where(r => r.Row.NewEnterprise is not null).ToList();
        foreach (var row in typed)
        {
            var e = row.Row.NewEnterprise!;
            row.NewCreditCode = string.IsNullOrWhiteSpace(e.CreditCode) ? null : CreditCode.Normalize(e.CreditCode);
            row.NewNameKeys = [.. new[] { e.NameZh, e.NameEn }
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .Select(n => EnterpriseName.Key(n!))
                .Where(k => k.Length > 0)
                .Distinct(StringComparer.Ordinal)];
        }

        var matches = typed.Count == 0
            ? []
            : await EnterpriseDuplicates.FindAllAsync(
                db,
                [.. typed.Where(r => r.NewCreditCode is not null).Select(r => r.NewCreditCode!)],
                [.. typed.SelectMany(r => r.NewNameKeys)],
                cancellationToken);

        return new Context(sectors, parks, enterprises, projects, matches);
    }

    /// <summary>
    /// A picked enterprise must exist and be live. A typed one is checked against the register: the same credit code is
    /// always an error (pick that enterprise), a same-name match only unless the row confirms it is another company. Rows
    /// typing the same new company (code or name) share one new enterprise.
    /// </summary>
    private static void ResolveEnterprises(List<Draft> rows, Context context)
    {
        var planned = new List<PlannedSigningEnterprise>();
        foreach (var row in rows)
        {
            if (row.Row.EnterpriseId is { } id)
            {
                if (!context.Enterprises.TryGetValue(id, out var found))
                {
                    row.Fail("enterpriseId", M.NoSuchEnterprise);
                }
                else if (found.MergedIntoId is not null)
                {
                    row.Fail("enterpriseId", M.SigningMerged);
                }
                else
                {
                    row.EnterpriseId = id;
                    row.EnterpriseName = found.Name;
                }

                continue;
            }

            if (row.Row.NewEnterprise is not { } typed)
            {
                continue;
            }

            var code = row.NewCreditCode;
            var sameCode = code is null ? null : context.Matches.FirstOrDefault(m => m.CreditCode == code);
            if (sameCode is not null)
            {
                row.Fail("newEnterprise.creditCode", M.SigningCodeExists.With(("name", Describe(sameCode))));
                continue;
            }

            var sameName = context.Matches
                .Where(m => (m.NameZhKey is not null && row.NewNameKeys.Contains(m.NameZhKey)) || (m.NameEnKey is not null && row.NewNameKeys.Contains(m.NameEnKey)))
                .ToList();
            if (sameName.Count > 0 && !row.Row.ConfirmNotDuplicate)
            {
                row.Fail("newEnterprise", M.SigningMaybeDuplicate.With(("names", string.Join("、", sameName.Select(Describe)))));
                continue;
            }

            var join = planned.FirstOrDefault(p => (code is not null && p.CreditCode == code) || p.Keys.Overlaps(row.NewNameKeys));
            if (join is not null)
            {
                if (code is not null && join.CreditCode is not null && code != join.CreditCode)
                {
                    row.Fail("newEnterprise.creditCode", M.SigningRowOtherCode.With(("row", join.FirstRow + 1)));
                    continue;
                }

                row.Planned = join;
                row.EnterpriseId = join.Entity.Id;
                row.EnterpriseName = join.Entity.DisplayName;
                continue;
            }

            var entity = new Enterprise(typed.NameZh, typed.NameEn, typed.Country, LeadImportRules.OwnershipOf(typed.Country));
            entity.SetCreditCode(code);
            var fresh = new PlannedSigningEnterprise(row.Index, entity, code, [.. row.NewNameKeys]);
            planned.Add(fresh);
            row.Planned = fresh;
            row.EnterpriseId = entity.Id;
            row.EnterpriseName = entity.DisplayName;
        }
    }

    /// <summary>An existing project must belong to the row's enterprise and appear in one row only.</summary>
    private static void ResolveProjects(List<Draft> rows, Context context)
    {
        var seen = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            if (row.Row.ProjectId is not { } id)
            {
                continue;
            }

            if (!context.Projects.TryGetValue(id, out var project))
            {
                row.Fail("projectId", M.NoSuchProject);
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                row.Fail("projectId", M.SigningProjectInRow.With(("row", first + 1)));
                continue;
            }

            seen[id] = row.Index;
            if (row.EnterpriseId is { } enterpriseId && project.EnterpriseId is { } owner && owner != enterpriseId)
            {
                row.Fail("projectId", M.SigningOtherEnterprise);
                continue;
            }

            row.Existing = project;
        }
    }

    private static void CheckPlaces(List<Draft> rows, Context context)
    {
        foreach (var row in rows)
        {
            if (row.Row.SectorId is { } sectorId)
            {
                if (!context.Sectors.TryGetValue(sectorId, out var sector))
                {
                    row.Fail("sectorId", M.NoSuchSector);
                }
                else if (!sector.IsActive && (row.Row.ProjectId is null || row.Existing?.SectorId != sectorId))
                {
                    row.Fail("sectorId", M.SigningSectorInactive.With(("sector", Bilingual.Of(sector.NameZh, sector.NameEn))));
                }
            }

            if (row.Row.ParkId is { } parkId && !context.Parks.Contains(parkId))
            {
                row.Fail("parkId", M.NoSuchPark);
            }
        }
    }

    /// <summary>Places, pledges and links each project, then moves it to 签约: the gate names what a row still lacks.</summary>
    private static void Sign(List<Draft> rows, PromotionEvent promotion, Guid me, DateTime now)
    {
        var source = promotion.Kind == EventKind.Expo ? SourceChannel.Expo : SourceChannel.Conference;
        var actor = new StageActor(me, IsManager: true);
        var note = M.SignedAt.With(("event", Bilingual.Of(promotion.NameZh, promotion.NameEn))).Render(Messages.DefaultCulture);
        foreach (var row in rows)
        {
            var project = row.Existing;

            // A ceremony signs projects that have not signed yet. The actor is a manager with a note, who may move a
            // project back or reopen a lost one: an advanced, paused-after-signing or lost project is refused here.
            if (project is not null
                && (project.Stage == ProjectStage.Lost || (project.Stage.IsPipeline() ? project.Stage : project.StageBeforeSideState ?? ProjectStage.Lead) >= ProjectStage.Signed))
            {
                row.Fail("projectId", project.Stage == ProjectStage.Signed
                    ? M.AlreadySigned
                    : M.SigningStageCeremony.With(("stage", new Bilingual(project.Stage.ZhName(), project.Stage.ToString()))));
                continue;
            }

            if (project is null)
            {
                var name = string.IsNullOrWhiteSpace(row.Row.ProjectName) ? InvestmentProject.DefaultName(row.EnterpriseName) : row.Row.ProjectName.Trim();
                project = new InvestmentProject("", name, source, me, now); // numbered once every row passed
            }
            else if (!string.IsNullOrWhiteSpace(row.Row.ProjectName))
            {
                project.Rename(row.Row.ProjectName.Trim());
            }

            row.Project = project;
            project.Place(row.EnterpriseId, row.Row.SectorId ?? project.SectorId, row.Row.ParkId ?? project.ParkId);
            project.Pledge(
                row.Row.PledgedInvestment?.ToMoney() ?? project.PledgedInvestment,
                project.PledgedForeignCapitalUsdCents,
                project.PledgedJobs,
                project.PledgedAnnualTaxFen,
                project.PledgedAnnualOutputFen,
                project.PledgedLandMu);
            project.LinkEvent(promotion.Id);
            try
            {
                // 签约's gate reads the project alone; no milestone or figure is needed to sign.
                project.MoveTo(ProjectStage.Signed, actor, note, now, StageFacts.None);
            }
            catch (StageGateException gate)
            {
                foreach (var missing in gate.Missing)
                {
                    row.Fail(missing.Field, new Said(missing.Code, Said.NoArgs));
                }
            }
            catch (DomainRuleException rule)
            {
                row.Fail("projectId", rule.Code == "stage.same"
                    ? M.AlreadySigned
                    : M.SigningStageHere.With(("stage", new Bilingual(project.Stage.ZhName(), project.Stage.ToString())), ("reason", Messages.Text(rule, System.Globalization.CultureInfo.CurrentUICulture))));
            }
        }
    }

    private static string Describe(EnterpriseMatch e) => e.NameZh ?? e.NameEn ?? e.Id.ToString();

    private sealed record Context(
        Dictionary<Guid, (string NameZh, string NameEn, bool IsActive)> Sectors,
        HashSet<Guid> Parks,
        Dictionary<Guid, (string Name, Guid? MergedIntoId)> Enterprises,
        Dictionary<Guid, InvestmentProject> Projects,
        IReadOnlyList<EnterpriseMatch> Matches);

    private sealed record PlannedSigningEnterprise(int FirstRow, Enterprise Entity, string? CreditCode, HashSet<string> Keys);

    private sealed class Draft(int index, SigningRow row)
    {
        public int Index { get; } = index;
        public SigningRow Row { get; } = row;
        public List<ValidationFailure> Errors { get; } = [];
        public string? NewCreditCode { get; set; }
        public List<string> NewNameKeys { get; set; } = [];
        public Guid? EnterpriseId { get; set; }
        public string EnterpriseName { get; set; } = "";
        public PlannedSigningEnterprise? Planned { get; set; }
        public InvestmentProject? Existing { get; set; }
        public InvestmentProject? Project { get; set; }

        public void Fail(string field, Said said) => Errors.Add(FieldError.Failure($"rows[{Index}].{field}", said));
    }
}
