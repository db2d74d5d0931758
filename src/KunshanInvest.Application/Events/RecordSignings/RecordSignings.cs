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
    : DomainRuleException("signing.rows", $"{errors.Count} 处问题 / {errors.Count} problems in the table: {string.Join("; ", errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}")
{
    public IReadOnlyList<ValidationFailure> Errors { get; } = errors;
}

public sealed class RecordSigningsValidator : AbstractValidator<RecordSignings>
{
    public RecordSigningsValidator()
    {
        RuleFor(x => x.Rows).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请至少填写一行签约 / Enter at least one signing.")
            .Must(r => r.Count <= RecordSignings.MaxRows).WithMessage($"一次最多 {RecordSignings.MaxRows} 行 / At most {RecordSignings.MaxRows} rows at once.");
        RuleForEach(x => x.Rows).NotNull().SetValidator(new SigningRowValidator());
    }
}

public sealed class SigningRowValidator : AbstractValidator<SigningRow>
{
    public SigningRowValidator()
    {
        RuleFor(x => x.EnterpriseId)
            .Must((row, _) => (row.EnterpriseId is null) != (row.NewEnterprise is null))
            .WithMessage("选择已有企业或填写新企业,二选一 / Pick an existing enterprise or type a new one (exactly one).");
        RuleFor(x => x.ProjectId)
            .Null().When(x => x.NewEnterprise is not null)
            .WithMessage("新企业还没有项目:请填写新项目名称 / A new enterprise has no projects yet: name a new project.");
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
            .WithMessage("企业需要中文名或英文名 / An enterprise needs a Chinese or an English name.");
        RuleFor(x => x.NameEn).MaximumLength(Enterprise.NameMaxLength);
        RuleFor(x => x.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("国家/地区用两位大写代码,如 CN、US / Country is a two-letter code such as CN or US.");
        RuleFor(x => x.CreditCode).Custom((code, context) => CreditCodeRule.Report(code, context.AddFailure));
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
            notifier.Notify(project.OwnerId, "project.signed", $"{project.Code} 已在{promotion.NameZh}签约", project.Name, $"/projects/{project.Id}");
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

        var sectors = new Dictionary<Guid, (string NameZh, bool IsActive)>();
        foreach (var chunk in sectorIds.Chunk(IdsPerQuery))
        {
            foreach (var s in await db.Sectors.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.NameZh, s.IsActive }).ToListAsync(cancellationToken))
            {
                sectors[s.Id] = (s.NameZh, s.IsActive);
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
                    row.Fail("enterpriseId", "企业不存在 / No such enterprise.");
                }
                else if (found.MergedIntoId is not null)
                {
                    row.Fail("enterpriseId", "该企业已合并到另一条记录,请选择那一条 / This enterprise was merged into another record; pick that one.");
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
                row.Fail("newEnterprise.creditCode", $"已有企业使用该统一社会信用代码:{Describe(sameCode)},请直接选择 / An enterprise with this credit code exists; pick it.");
                continue;
            }

            var sameName = context.Matches
                .Where(m => (m.NameZhKey is not null && row.NewNameKeys.Contains(m.NameZhKey)) || (m.NameEnKey is not null && row.NewNameKeys.Contains(m.NameEnKey)))
                .ToList();
            if (sameName.Count > 0 && !row.Row.ConfirmNotDuplicate)
            {
                row.Fail("newEnterprise", $"疑似重复企业:{string.Join("、", sameName.Select(Describe))}。请选择已有企业,或确认不是同一家 (confirmNotDuplicate) / This enterprise may already exist; pick it, or confirm it is another company.");
                continue;
            }

            var join = planned.FirstOrDefault(p => (code is not null && p.CreditCode == code) || p.Keys.Overlaps(row.NewNameKeys));
            if (join is not null)
            {
                if (code is not null && join.CreditCode is not null && code != join.CreditCode)
                {
                    row.Fail("newEnterprise.creditCode", $"与第 {join.FirstRow + 1} 行的新企业同名,但信用代码不同 / Same name as the new enterprise of row {join.FirstRow + 1}, but another credit code.");
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
                row.Fail("projectId", "项目不存在 / No such project.");
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                row.Fail("projectId", $"该项目已在第 {first + 1} 行 / This project is already in row {first + 1}.");
                continue;
            }

            seen[id] = row.Index;
            if (row.EnterpriseId is { } enterpriseId && project.EnterpriseId is { } owner && owner != enterpriseId)
            {
                row.Fail("projectId", "该项目属于另一家企业 / This project belongs to another enterprise.");
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
                    row.Fail("sectorId", "产业链不存在 / No such sector.");
                }
                else if (!sector.IsActive && (row.Row.ProjectId is null || row.Existing?.SectorId != sectorId))
                {
                    row.Fail("sectorId", $"产业链“{sector.NameZh}”已停用,不再接收新项目 / This sector is inactive and takes no new projects.");
                }
            }

            if (row.Row.ParkId is { } parkId && !context.Parks.Contains(parkId))
            {
                row.Fail("parkId", "载体不存在 / No such park.");
            }
        }
    }

    /// <summary>Places, pledges and links each project, then moves it to 签约: the gate names what a row still lacks.</summary>
    private static void Sign(List<Draft> rows, PromotionEvent promotion, Guid me, DateTime now)
    {
        var source = promotion.Kind == EventKind.Expo ? SourceChannel.Expo : SourceChannel.Conference;
        var actor = new StageActor(me, IsManager: true);
        var note = $"签约于 {promotion.NameZh} / Signed at {promotion.NameEn}";
        foreach (var row in rows)
        {
            var project = row.Existing;

            // A ceremony signs projects that have not signed yet. The actor is a manager with a note, who may move a
            // project back or reopen a lost one: an advanced, paused-after-signing or lost project is refused here.
            if (project is not null
                && (project.Stage == ProjectStage.Lost || (project.Stage.IsPipeline() ? project.Stage : project.StageBeforeSideState ?? ProjectStage.Lead) >= ProjectStage.Signed))
            {
                row.Fail("projectId", project.Stage == ProjectStage.Signed
                    ? "该项目已是签约阶段 / This project is already signed."
                    : $"该项目处于“{project.Stage.ZhName()}”阶段,签约仪式不能改动 / A project at {project.Stage} cannot be signed at a ceremony.");
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
                project.MoveTo(ProjectStage.Signed, actor, note, now);
            }
            catch (StageGateException gate)
            {
                foreach (var missing in gate.Missing)
                {
                    row.Fail(missing.Field, missing.Message);
                }
            }
            catch (DomainRuleException rule)
            {
                row.Fail("projectId", rule.Code == "stage.same"
                    ? "该项目已是签约阶段 / This project is already signed."
                    : $"该项目处于“{project.Stage.ZhName()}”阶段,不能在此签约 / A project at {project.Stage} cannot be signed here: {rule.Message}");
            }
        }
    }

    private static string Describe(EnterpriseMatch e) => e.NameZh ?? e.NameEn ?? e.Id.ToString();

    private sealed record Context(
        Dictionary<Guid, (string NameZh, bool IsActive)> Sectors,
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

        public void Fail(string field, string message) => Errors.Add(new ValidationFailure($"rows[{Index}].{field}", message));
    }
}
