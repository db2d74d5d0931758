using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Notifications;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Projects.CreateLead;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Projects.ImportLeads;

/// <summary>
/// 批量导入线索 from the .xlsx template: per row an enterprise — an existing one matched by credit code or normalised
/// name (<see cref="EnterpriseName.Key"/>), else a new one — and a new lead owned by the caller. A dry run
/// (<see cref="Confirm"/> false) only previews; a confirmed import writes every row in one save, or nothing when any
/// row has an error.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ImportLeads(byte[] Content, string? FileName, bool Confirm = false) : ICommand<LeadImportResult>
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;

    /// <summary>An .xlsx is a ZIP archive: its first local file header starts with "PK\x03\x04".</summary>
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> content) => content.StartsWith("PK\x03\x04"u8);
}

public sealed record LeadImportResult(bool Confirmed, int Rows, int RowsWithErrors, int NewEnterprises, IReadOnlyList<LeadImportRowResult> Items);

/// <summary>
/// One data row, by its row number in the sheet. <see cref="Action"/> is 新建企业+线索 or 已有企业+线索 (null while the row has
/// errors); after a confirmed import <see cref="ProjectId"/> and <see cref="ProjectCode"/> name the new lead.
/// </summary>
public sealed record LeadImportRowResult(
    int Row,
    string? Action,
    LeadImportEnterprise? Enterprise,
    string? ProjectName,
    string? SectorCode,
    SourceChannel? Source,
    MoneyDto? EstimatedInvestment,
    bool IsMajor,
    IReadOnlyList<OwnershipConflict> Conflicts,
    Guid? ProjectId,
    string? ProjectCode,
    IReadOnlyList<LeadImportError> Errors);

/// <summary>The row's enterprise: an existing record (<see cref="IsNew"/> false) or one the import creates, first named in <see cref="NewInRow"/>.</summary>
public sealed record LeadImportEnterprise(Guid? Id, string? NameZh, string? NameEn, string? CreditCode, bool IsNew, int? NewInRow);

/// <summary>A problem with one cell, named by the template's column header.</summary>
public sealed record LeadImportError(string Column, string Message);

public sealed class ImportLeadsValidator : AbstractValidator<ImportLeads>
{
    public ImportLeadsValidator()
    {
        RuleFor(x => x.Content).Cascade(CascadeMode.Stop)
            .Must(c => c is { Length: > 0 }).WithMsg(M.ImportUpload)
            .Must(c => c.Length <= ImportLeads.MaxBytes).WithMsg(M.ImportTooLarge.With(("mb", ImportLeads.MaxBytes / 1024 / 1024)))
            .Must(c => ImportLeads.LooksLikeXlsx(c)).WithMsg(M.ImportNotXlsx)
            .OverridePropertyName("file");
        RuleFor(x => x.FileName)
            .Must(n => n is null || n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .WithMsg(M.ImportXlsxOnly)
            .OverridePropertyName("file");
    }
}

public sealed class ImportLeadsHandler(IAppDbContext db, IProjectCodeAllocator allocator, ICurrentUser user, IUserDirectory users, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ImportLeads, LeadImportResult>
{
    public const string NewEnterpriseAction = "新建企业+线索";
    public const string ExistingEnterpriseAction = "已有企业+线索";

    /// <summary>Enterprise ids per statement when looking for other officers' projects (see <see cref="EnterpriseDuplicates.FindAllAsync"/>).</summary>
    private const int IdsPerQuery = 500;

    public async ValueTask<LeadImportResult> Handle(ImportLeads command, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        IReadOnlyList<LeadImportRow> rows;
        try
        {
            rows = LeadImportSheet.Read(command.Content);
        }
        catch (LeadImportFileException ex)
        {
            throw FieldError.Invalid("file", ex.Said);
        }

        var sectors = await db.Sectors.AsNoTracking()
            .Select(s => new SectorRef(s.Id, s.Code, s.NameZh, s.IsActive))
            .ToListAsync(cancellationToken);
        var drafts = rows.Select(r => LeadImportRules.Check(r, sectors)).ToList();
        await ResolveEnterprisesAsync(drafts, cancellationToken);
        var conflicts = await ConflictsAsync(drafts, me, cancellationToken);

        if (!command.Confirm)
        {
            return Result(drafts, conflicts, [], confirmed: false);
        }

        if (drafts.Any(d => d.Errors.Count > 0))
        {
            throw new ValidationException(drafts.SelectMany(d => d.Errors.Select(e => new ValidationFailure($"rows[{d.Row}].{e.Column}", e.Message))));
        }

        var created = await WriteAsync(drafts, conflicts, me, cancellationToken);
        return Result(drafts, conflicts, created, confirmed: true);
    }

    /// <summary>
    /// Exactly one existing enterprise with the row's credit code or name key is reused; several is an error; none
    /// creates one — shared with later rows of the file that name the same company. A name match whose credit code
    /// differs from the row's is a different company, and an error.
    /// </summary>
    private async Task ResolveEnterprisesAsync(List<LeadDraft> drafts, CancellationToken cancellationToken)
    {
        var named = drafts.Where(d => d.HasName).ToList();
        var existing = await EnterpriseDuplicates.FindAllAsync(
            db,
            [.. named.Where(d => d.CreditCode is not null).Select(d => d.CreditCode!)],
            [.. named.SelectMany(d => d.NameKeys)],
            cancellationToken);
        var planned = new List<PlannedEnterprise>();

        foreach (var draft in named)
        {
            var matches = existing
                .Where(e => (draft.CreditCode is not null && e.CreditCode == draft.CreditCode) || e.HasKey(draft.NameKeys))
                .ToList();
            if (matches.Count > 1)
            {
                Fail(draft, LeadImportColumns.NameZh, M.ImportSeveralMatch.With(("names", string.Join("、", matches.Select(Describe)))));
                continue;
            }

            if (matches.Count == 1)
            {
                var match = matches[0];
                if (CodesDiffer(draft.CreditCode, match.CreditCode))
                {
                    Fail(draft, LeadImportColumns.CreditCode, M.ImportNameOtherCode.With(("name", Describe(match)), ("code", match.CreditCode)));
                    continue;
                }

                draft.Existing = match;
                continue;
            }

            var same = planned
                .Where(p => (draft.CreditCode is not null && p.CreditCode == draft.CreditCode) || p.Keys.Overlaps(draft.NameKeys))
                .ToList();
            if (same.Count > 1)
            {
                Fail(draft, LeadImportColumns.NameZh, M.ImportSeveralRows.With(("rows", string.Join("、", same.Select(p => p.FirstRow)))));
                continue;
            }

            if (same.Count == 1)
            {
                var join = same[0];
                if (CodesDiffer(draft.CreditCode, join.CreditCode))
                {
                    Fail(draft, LeadImportColumns.CreditCode, M.ImportRowOtherCode.With(("row", join.FirstRow)));
                    continue;
                }

                join.CreditCode ??= draft.CreditCode;
                join.Keys.UnionWith(draft.NameKeys);
                draft.Planned = join;
                continue;
            }

            var fresh = new PlannedEnterprise(draft);
            planned.Add(fresh);
            draft.Planned = fresh;
        }
    }

    /// <summary>Other officers' live projects of the reused enterprises, as the lead form reports them: one query per 500 enterprises, one for the names.</summary>
    private async Task<Dictionary<Guid, List<OwnershipConflict>>> ConflictsAsync(List<LeadDraft> drafts, Guid ownerId, CancellationToken cancellationToken)
    {
        var ids = drafts.Where(d => d.Existing is not null).Select(d => (Guid?)d.Existing!.Id).Distinct().ToList();
        var found = new List<(Guid EnterpriseId, Guid ProjectId, string Code, string Name, Guid OwnerId)>();
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var rows = await db.Projects.AsNoTracking()
                .Where(p => chunk.Contains(p.EnterpriseId) && p.OwnerId != ownerId && p.Stage != ProjectStage.Lost && p.Stage != ProjectStage.AtCapacity)
                .OrderBy(p => p.Code)
                .Select(p => new { EnterpriseId = p.EnterpriseId!.Value, p.Id, p.Code, p.Name, p.OwnerId })
                .ToListAsync(cancellationToken);
            found.AddRange(rows.Select(r => (r.EnterpriseId, r.Id, r.Code, r.Name, r.OwnerId)));
        }

        if (found.Count == 0)
        {
            return [];
        }

        var names = await users.DisplayNamesAsync(found.Select(f => f.OwnerId), cancellationToken);
        return found
            .GroupBy(f => f.EnterpriseId)
            .ToDictionary(g => g.Key, g => g.Select(f => new OwnershipConflict(f.ProjectId, f.Code, f.Name, f.OwnerId, names.GetValueOrDefault(f.OwnerId))).ToList());
    }

    /// <summary>Adds the new enterprises and leads and their notices, then saves them in one unit of work.</summary>
    private async Task<Dictionary<int, InvestmentProject>> WriteAsync(List<LeadDraft> drafts, Dictionary<Guid, List<OwnershipConflict>> conflicts, Guid ownerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = await ProjectCodes.NextAsync(allocator, clock.BureauToday().Year, drafts.Count, cancellationToken);
        var created = new Dictionary<int, InvestmentProject>();
        foreach (var (draft, code) in drafts.Zip(codes))
        {
            Guid enterpriseId;
            string displayName;
            if (draft.Existing is { } existing)
            {
                enterpriseId = existing.Id;
                displayName = existing.NameZh ?? existing.NameEn ?? "";
            }
            else
            {
                var planned = draft.Planned!;
                if (planned.Entity is null)
                {
                    planned.Entity = new Enterprise(planned.Typed.NameZh, planned.Typed.NameEn, planned.Typed.Country, planned.Typed.Ownership);
                    planned.Entity.SetCreditCode(planned.CreditCode);
                    db.Enterprises.Add(planned.Entity);
                }

                enterpriseId = planned.Entity.Id;
                displayName = planned.Entity.DisplayName;
            }

            var name = string.IsNullOrWhiteSpace(draft.ProjectName) ? InvestmentProject.DefaultName(displayName) : draft.ProjectName.Trim();
            var project = new InvestmentProject(code, name, draft.Source!.Value, ownerId, now);
            project.Place(enterpriseId, draft.Sector!.Id, null);
            project.Estimate(draft.Investment?.ToMoney(), draft.IsMajor);
            db.Projects.Add(project);
            created[draft.Row] = project;

            if (conflicts.TryGetValue(enterpriseId, out var others))
            {
                foreach (var other in others)
                {
                    notifier.Notify(other.OwnerId, "lead.conflict", M.LeadConflictTitle.With(("enterprise", displayName), ("code", project.Code)), M.LeadConflictBody.With(("yours", other.Code)), $"/projects/{project.Id}");
                }

                notifier.Notify(ownerId, "lead.conflict", M.LeadConflictOwnerTitle.With(("enterprise", displayName)), M.LeadConflictList.With(("projects", string.Join("; ", others.Select(c => $"{c.Code} {c.Name} ({c.OwnerName})")))), $"/projects/{project.Id}");
            }
        }

        await ProjectCodes.SaveAsync(db, allocator, [.. created.Values], clock.BureauToday().Year, cancellationToken);
        return created;
    }

    private static LeadImportResult Result(List<LeadDraft> drafts, Dictionary<Guid, List<OwnershipConflict>> conflicts, Dictionary<int, InvestmentProject> created, bool confirmed)
    {
        var items = drafts.Select(d =>
        {
            var enterprise = d.Existing is { } e
                ? new LeadImportEnterprise(e.Id, e.NameZh, e.NameEn, e.CreditCode, false, null)
                : d.Planned is { } p
                    ? new LeadImportEnterprise(p.Entity?.Id, p.Typed.NameZh?.Trim(), p.Typed.NameEn?.Trim(), p.CreditCode, true, p.FirstRow)
                    : null;
            var action = d.Errors.Count > 0 || enterprise is null
                ? null
                : d.Planned?.FirstRow == d.Row ? NewEnterpriseAction : ExistingEnterpriseAction;
            var project = created.GetValueOrDefault(d.Row);
            return new LeadImportRowResult(
                d.Row, action, enterprise, project?.Name ?? d.ProjectName, d.Sector?.Code, d.Source, d.Investment, d.IsMajor,
                d.Existing is not null ? conflicts.GetValueOrDefault(d.Existing.Id) ?? [] : [],
                project?.Id, project?.Code, d.Errors);
        }).ToList();

        return new LeadImportResult(
            confirmed,
            items.Count,
            items.Count(i => i.Errors.Count > 0),
            drafts.Where(d => d.Planned is not null && d.Errors.Count == 0).Select(d => d.Planned).Distinct().Count(),
            items);
    }

    private static bool CodesDiffer(string? a, string? b) => a is not null && b is not null && a != b;

    private static string Describe(EnterpriseMatch e) => e.NameZh ?? e.NameEn ?? e.Id.ToString();

    private static void Fail(LeadDraft draft, string column, Said said) => draft.Errors.Add(new LeadImportError(column, said.ToString()));
}
