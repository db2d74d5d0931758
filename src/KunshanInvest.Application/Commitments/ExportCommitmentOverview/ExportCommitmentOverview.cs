using CsvHelper;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace KunshanInvest.Application.Commitments.ExportCommitmentOverview;

/// <summary>
/// 导出协议承诺: every commitment the overview shows for the same filters (not just a page), as one sheet "协议承诺"
/// (.xlsx) or CSV, through the export pipeline. Three statements: the rows with sector names, and the owners' names.
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Admin},{Roles.Manager}")]
public sealed record ExportCommitmentOverview(
    CommitmentView View,
    Guid? SectorId,
    Guid? OfficerId,
    int DueWithinDays,
    ExportFormat Format,
    Stream Destination) : IQuery<CommitmentExportFile>, ICommitmentOverviewFilter;

public sealed record CommitmentExportFile(string FileName, string ContentType, int Rows);

public sealed class ExportCommitmentOverviewValidator : AbstractValidator<ExportCommitmentOverview>
{
    public ExportCommitmentOverviewValidator()
    {
        this.AddOverviewFilterRules();
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.Destination).Writable();
    }
}

public sealed class ExportCommitmentOverviewHandler(IAppDbContext db, IUserDirectory users, TimeProvider clock)
    : IQueryHandler<ExportCommitmentOverview, CommitmentExportFile>
{
    public const string SheetName = "协议承诺";

    public async ValueTask<CommitmentExportFile> Handle(ExportCommitmentOverview query, CancellationToken cancellationToken)
    {
        var today = clock.BureauToday();
        var rows = await CommitmentOverviewScope.Of(db, query, today).Shown
            .OrderBy(f => f.CheckOn).ThenBy(f => f.ProjectCode).ThenBy(f => f.Id)
            .Select(f => new { Facts = f, Sector = db.Sectors.Where(s => s.Id == f.SectorId).Select(s => s.NameZh).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var owners = rows.Count == 0 ? new Dictionary<Guid, string>() : await users.DisplayNamesAsync(rows.Select(r => r.Facts.OwnerId).Distinct(), cancellationToken);
        var lines = rows.Select(r => CommitmentExportRow.From(r.Facts.ToDto(today), r.Facts.ProjectCode, r.Facts.ProjectName, owners.GetValueOrDefault(r.Facts.OwnerId), r.Sector));
        var count = await ExportPipeline.WriteAsync(query.Format, query.Destination, lines.ToAsyncEnumerable(), SheetName, cancellationToken);
        return new CommitmentExportFile(ExportPipeline.FileName("协议承诺", clock, query.Format), ExportContentTypes.Of(query.Format), count);
    }
}

/// <summary>One exported commitment: the same columns in the .xlsx and the .csv. Money in 万元 (tax per 亩 in 万元/亩).</summary>
[CsvRecord]
internal sealed partial class CommitmentExportRow
{
    [CsvColumn(Headers.Code, Index = 0)]
    [ExcelColumn(Name = Headers.Code, Index = 0, Width = 16)]
    public string Code { get; set; } = "";

    [CsvColumn(Headers.Name, Index = 1)]
    [ExcelColumn(Name = Headers.Name, Index = 1, Width = 36)]
    public string Name { get; set; } = "";

    [CsvColumn(Headers.Owner, Index = 2)]
    [ExcelColumn(Name = Headers.Owner, Index = 2, Width = 10)]
    public string? Owner { get; set; }

    [CsvColumn(Headers.Sector, Index = 3)]
    [ExcelColumn(Name = Headers.Sector, Index = 3, Width = 12)]
    public string? Sector { get; set; }

    [CsvColumn(Headers.Metric, Index = 4)]
    [ExcelColumn(Name = Headers.Metric, Index = 4, Width = 16)]
    public string Metric { get; set; } = "";

    [CsvColumn(Headers.Target, Index = 5)]
    [ExcelColumn(Name = Headers.Target, Index = 5, Width = 14)]
    public decimal? TargetWan { get; set; }

    [CsvColumn(Headers.Actual, Index = 6)]
    [ExcelColumn(Name = Headers.Actual, Index = 6, Width = 14)]
    public decimal? ActualWan { get; set; }

    [CsvColumn(Headers.Unit, Index = 7)]
    [ExcelColumn(Name = Headers.Unit, Index = 7, Width = 8)]
    public string? Unit { get; set; }

    [CsvColumn(Headers.CheckOn, Index = 8)]
    [CsvFormat("yyyy-MM-dd")]
    [ExcelColumn(Name = Headers.CheckOn, Index = 8, Width = 12, Format = "yyyy-MM-dd")]
    public DateOnly CheckOn { get; set; }

    [CsvColumn(Headers.ReachedOn, Index = 9)]
    [CsvFormat("yyyy-MM-dd")]
    [ExcelColumn(Name = Headers.ReachedOn, Index = 9, Width = 12, Format = "yyyy-MM-dd")]
    public DateOnly? ReachedOn { get; set; }

    [CsvColumn(Headers.State, Index = 10)]
    [ExcelColumn(Name = Headers.State, Index = 10, Width = 8)]
    public string State { get; set; } = "";

    [CsvColumn(Headers.Clause, Index = 11)]
    [ExcelColumn(Name = Headers.Clause, Index = 11, Width = 30)]
    public string? Clause { get; set; }

    public static CommitmentExportRow From(CommitmentDto c, string code, string name, string? owner, string? sector) => new()
    {
        Code = code,
        Name = name,
        Owner = owner,
        Sector = sector,
        Metric = c.Metric.ZhName(),
        TargetWan = MoneyUnits.MinorToWan(c.Target),
        ActualWan = MoneyUnits.MinorToWan(c.Actual),
        Unit = c.Metric.IsDate() ? null : c.Metric == CommitmentMetric.TaxPerMu ? "万元/亩" : "万元",
        CheckOn = c.CheckOn,
        ReachedOn = c.ReachedOn,
        State = c.State switch { CommitmentState.Met => "已达成", CommitmentState.Missed => "未达成", _ => "未到期" },
        Clause = c.Clause,
    };

    internal static class Headers
    {
        public const string Code = "项目编号";
        public const string Name = "项目名称";
        public const string Owner = "负责人";
        public const string Sector = "产业链";
        public const string Metric = "承诺指标";
        public const string Target = "承诺目标";
        public const string Actual = "实际完成";
        public const string Unit = "单位";
        public const string CheckOn = "核查日期";
        public const string ReachedOn = "节点实际日期";
        public const string State = "状态";
        public const string Clause = "协议条款";
    }
}
