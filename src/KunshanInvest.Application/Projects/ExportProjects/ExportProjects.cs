using CsvHelper;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Paging;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs.Attributes;

namespace KunshanInvest.Application.Projects.ExportProjects;

/// <summary>
/// 导出项目清单: every project the list would show for the same filter and sort, not just a page, written to
/// <see cref="Destination"/> as one sheet "项目" (.xlsx) or as UTF-8 CSV with a byte order mark (which Excel needs to
/// read Chinese). Rows are read in keyset batches, so memory holds one batch whatever the size of the list.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ExportProjects(ProjectFilter Filter, ProjectSort Sort, bool Descending, ExportFormat Format, Stream Destination)
    : IQuery<ProjectExportFile>;

/// <summary>What was written: the suggested file name (项目清单-2026-11-27.xlsx), its media type and the row count.</summary>
public sealed record ProjectExportFile(string FileName, string ContentType, int Rows);

public sealed class ExportProjectsValidator : AbstractValidator<ExportProjects>
{
    public ExportProjectsValidator()
    {
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.Destination).Writable();
        RuleFor(x => x.Filter.Text).MaximumLength(ProjectFilter.TextMaxLength).OverridePropertyName("text");
        RuleForEach(x => x.Filter.Stages).IsInEnum().OverridePropertyName("stage");
        RuleFor(x => x.Filter.Source).IsInEnum().When(x => x.Filter.Source is not null).OverridePropertyName("source");
    }
}

public sealed class ExportProjectsHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users, IOptions<StalledOptions> stalled, TimeProvider clock)
    : IQueryHandler<ExportProjects, ProjectExportFile>
{
    public const int DefaultBatchSize = 1000;
    public const string SheetName = "项目";

    /// <summary>Rows per SQL statement; tests lower it to watch the batching.</summary>
    internal int BatchSize { get; init; } = DefaultBatchSize;

    public async ValueTask<ProjectExportFile> Handle(ExportProjects query, CancellationToken cancellationToken)
    {
        var fileName = ExportPipeline.FileName("项目清单", clock, query.Format);
        var rows = RowsAsync(query, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var count = await ExportPipeline.WriteAsync(query.Format, query.Destination, rows, SheetName, cancellationToken);
        return new ProjectExportFile(fileName, ExportContentTypes.Of(query.Format), count);
    }

    /// <summary>Keyset batches of <see cref="BatchSize"/> in the list's order: one statement per batch, plus one for owners not yet named.</summary>
    private async IAsyncEnumerable<ProjectExportRow> RowsAsync(ExportProjects query, DateTime nowUtc, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rule = await StalledRule.ForAsync(db, query.Filter, stalled.Value, cancellationToken);
        var filtered = db.Projects.AsNoTracking().Apply(db, query.Filter, user, rule, nowUtc);
        var owners = new Dictionary<Guid, string?>();
        Cursor? after = null;
        while (true)
        {
            var batch = await ProjectListQuery.Project(db, ProjectListQuery.Seek(filtered, query.Sort, query.Descending, after).Take(BatchSize))
                .ToListAsync(cancellationToken);
            var unnamed = batch.Select(r => r.Item.OwnerId).Where(id => !owners.ContainsKey(id)).Distinct().ToList();
            if (unnamed.Count > 0)
            {
                var names = await users.DisplayNamesAsync(unnamed, cancellationToken);
                foreach (var id in unnamed)
                {
                    owners[id] = names.GetValueOrDefault(id);
                }
            }

            foreach (var row in batch)
            {
                yield return ProjectExportRow.From(row.Item, owners[row.Item.OwnerId], row.IsStalled(rule.Defaults, nowUtc));
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = ProjectListQuery.After(batch[^1].Item, query.Sort);
        }
    }
}

/// <summary>One exported project: the same columns, headers and order in the .xlsx and the .csv.</summary>
[CsvRecord]
internal sealed partial class ProjectExportRow
{
    [CsvColumn(Headers.Code, Index = 0)]
    [ExcelColumn(Name = Headers.Code, Index = 0, Width = 16)]
    public string Code { get; set; } = "";

    [CsvColumn(Headers.Name, Index = 1)]
    [ExcelColumn(Name = Headers.Name, Index = 1, Width = 36)]
    public string Name { get; set; } = "";

    [CsvColumn(Headers.Enterprise, Index = 2)]
    [ExcelColumn(Name = Headers.Enterprise, Index = 2, Width = 30)]
    public string? Enterprise { get; set; }

    [CsvColumn(Headers.Sector, Index = 3)]
    [ExcelColumn(Name = Headers.Sector, Index = 3, Width = 12)]
    public string? Sector { get; set; }

    [CsvColumn(Headers.Stage, Index = 4)]
    [ExcelColumn(Name = Headers.Stage, Index = 4, Width = 8)]
    public string Stage { get; set; } = "";

    [CsvColumn(Headers.Source, Index = 5)]
    [ExcelColumn(Name = Headers.Source, Index = 5, Width = 12)]
    public string Source { get; set; } = "";

    [CsvColumn(Headers.Owner, Index = 6)]
    [ExcelColumn(Name = Headers.Owner, Index = 6, Width = 10)]
    public string? Owner { get; set; }

    /// <summary>万 (10⁴) of <see cref="Currency"/>: 万元 for CNY.</summary>
    [CsvColumn(Headers.Estimated, Index = 7)]
    [ExcelColumn(Name = Headers.Estimated, Index = 7, Width = 14)]
    public decimal? EstimatedWan { get; set; }

    [CsvColumn(Headers.Pledged, Index = 8)]
    [ExcelColumn(Name = Headers.Pledged, Index = 8, Width = 14)]
    public decimal? PledgedWan { get; set; }

    /// <summary>The currency of both amounts; "USD/CNY" (estimated/pledged) in the rare case they differ.</summary>
    [CsvColumn(Headers.Currency, Index = 9)]
    [ExcelColumn(Name = Headers.Currency, Index = 9, Width = 8)]
    public string? Currency { get; set; }

    [CsvColumn(Headers.Major, Index = 10)]
    [ExcelColumn(Name = Headers.Major, Index = 10, Width = 8)]
    public string Major { get; set; } = "";

    [CsvColumn(Headers.Stalled, Index = 11)]
    [ExcelColumn(Name = Headers.Stalled, Index = 11, Width = 6)]
    public string Stalled { get; set; } = "";

    /// <summary>Kunshan time (UTC+8).</summary>
    [CsvColumn(Headers.LastActivity, Index = 12)]
    [CsvFormat("yyyy-MM-dd HH:mm")]
    [ExcelColumn(Name = Headers.LastActivity, Index = 12, Width = 17, Format = "yyyy-MM-dd HH:mm")]
    public DateTime LastActivity { get; set; }

    [CsvColumn(Headers.NextFollowUp, Index = 13)]
    [CsvFormat("yyyy-MM-dd")]
    [ExcelColumn(Name = Headers.NextFollowUp, Index = 13, Width = 12, Format = "yyyy-MM-dd")]
    public DateOnly? NextFollowUp { get; set; }

    public static ProjectExportRow From(ProjectListItem item, string? ownerName, bool stalled) => new()
    {
        Code = item.Code,
        Name = item.Name,
        Enterprise = item.EnterpriseNameZh ?? item.EnterpriseNameEn,
        Sector = item.SectorNameZh,
        Stage = item.Stage.ZhName(),
        Source = item.Source.ZhName(),
        Owner = ownerName,
        EstimatedWan = Wan(item.EstimatedInvestment),
        PledgedWan = Wan(item.PledgedInvestment),
        Currency = CurrencyOf(item.EstimatedInvestment, item.PledgedInvestment),
        Major = item.IsMajor ? "是" : "否",
        Stalled = stalled ? "是" : "否",
        LastActivity = DateTime.SpecifyKind(item.LastActivityAtUtc, DateTimeKind.Utc).Add(BureauCalendar.Offset),
        NextFollowUp = item.NextFollowUpOn,
    };

    private static decimal? Wan(MoneyDto? money) => money is null ? null : MoneyUnits.MinorToWan(money.MinorUnits);

    private static string? CurrencyOf(MoneyDto? estimated, MoneyDto? pledged) =>
        estimated is not null && pledged is not null && estimated.Currency != pledged.Currency
            ? $"{estimated.Currency}/{pledged.Currency}"
            : estimated?.Currency ?? pledged?.Currency;

    /// <summary>The column headers, in order.</summary>
    internal static class Headers
    {
        public const string Code = "项目编号";
        public const string Name = "项目名称";
        public const string Enterprise = "企业";
        public const string Sector = "产业链";
        public const string Stage = "阶段";
        public const string Source = "来源";
        public const string Owner = "负责人";
        public const string Estimated = "预计投资(万元)";
        public const string Pledged = "协议投资(万元)";
        public const string Currency = "币种";
        public const string Major = "重大项目";
        public const string Stalled = "六未";
        public const string LastActivity = "最近活动";
        public const string NextFollowUp = "下次跟进";

        public static IReadOnlyList<string> All { get; } =
            [Code, Name, Enterprise, Sector, Stage, Source, Owner, Estimated, Pledged, Currency, Major, Stalled, LastActivity, NextFollowUp];
    }
}
