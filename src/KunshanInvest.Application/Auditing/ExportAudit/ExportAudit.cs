using System.Globalization;
using CsvHelper;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Auditing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace KunshanInvest.Application.Auditing.ExportAudit;

/// <summary>
/// 导出审计记录: every entry of the search (not just a page), newest first, written to <see cref="Destination"/> as one
/// sheet "审计记录" (.xlsx) or UTF-8 CSV with a byte order mark. Read in keyset batches by Id: one statement per batch.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Auditor)]
public sealed record ExportAudit(AuditFilter Filter, ExportFormat Format, Stream Destination) : IQuery<AuditExportFile>, IAuditSearch;

/// <summary>What was written: the suggested file name (审计记录-2026-11-27.xlsx), its media type and the row count.</summary>
public sealed record AuditExportFile(string FileName, string ContentType, int Rows);

public sealed class ExportAuditValidator : AbstractValidator<ExportAudit>
{
    public ExportAuditValidator()
    {
        RuleFor(x => x.Format).IsInEnum().OverridePropertyName("format");
        RuleFor(x => x.Destination).Writable();
        this.AddFilterRules();
    }
}

public sealed class ExportAuditHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExportAudit, AuditExportFile>
{
    public const int DefaultBatchSize = 1000;
    public const string SheetName = "审计记录";

    /// <summary>Rows per SQL statement; tests lower it to watch the batching.</summary>
    internal int BatchSize { get; init; } = DefaultBatchSize;

    public async ValueTask<AuditExportFile> Handle(ExportAudit query, CancellationToken cancellationToken)
    {
        // Kunshan's date (UTC+8) names the file; the rows keep UTC, as stored, so no instant is ambiguous.
        var fileName = ExportPipeline.FileName("审计记录", clock, query.Format);
        var count = await ExportPipeline.WriteAsync(query.Format, query.Destination, RowsAsync(query.Filter, cancellationToken), SheetName, cancellationToken);
        await RecordAsync(query, count, cancellationToken);
        return new AuditExportFile(fileName, ExportContentTypes.Of(query.Format), count);
    }

    /// <summary>Audit the auditors (docs/adr/0017): who exported which search, how many entries, in what format.</summary>
    private async Task RecordAsync(ExportAudit query, int rows, CancellationToken cancellationToken)
    {
        var f = query.Filter;
        var filter = $"user={f.User};entityType={f.EntityType};entityId={f.EntityId};from={f.FromUtc:O};to={f.ToUtc:O};action={f.Action}";
        var changes = System.Text.Json.JsonSerializer.Serialize(new[]
        {
            new { Field = "Filter", Old = (string?)null, New = (string?)filter },
            new { Field = "Rows", Old = (string?)null, New = (string?)rows.ToString(CultureInfo.InvariantCulture) },
            new { Field = "Format", Old = (string?)null, New = (string?)query.Format.ToString() },
        });
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user.Id, user.IsAuthenticated ? user.UserName ?? "?" : "system", VerifyAudit.AuditChainVerifier.EntityType, "export", AuditAction.Exported, changes));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async IAsyncEnumerable<AuditExportRow> RowsAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filtered = db.AuditEntries.AsNoTracking().Apply(filter);
        long? before = null;
        while (true)
        {
            var page = before is { } id ? filtered.Where(a => a.Id < id) : filtered;
            var batch = await page.OrderByDescending(a => a.Id).Take(BatchSize)
                .Select(a => new AuditExportRow
                {
                    Id = a.Id, AtUtc = a.AtUtc, ActorName = a.ActorName, ActorId = a.ActorId, EntityType = a.EntityType,
                    EntityId = a.EntityId, Action = a.Action, Changes = a.Changes,
                })
                .ToListAsync(cancellationToken);

            foreach (var row in batch)
            {
                row.ActionName = row.Action switch
                {
                    AuditAction.Created => "新增",
                    AuditAction.Updated => "修改",
                    AuditAction.Deleted => "删除",
                    AuditAction.Verified => "校验",
                    AuditAction.Exported => "导出",
                    AuditAction.Purged => "清理",
                    _ => row.Action.ToString(),
                };
                yield return row;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            before = batch[^1].Id;
        }
    }
}

/// <summary>One exported audit entry: the same columns, headers and order in the .xlsx and the .csv.</summary>
[CsvRecord]
internal sealed partial class AuditExportRow
{
    [CsvColumn(Headers.Id, Index = 0)]
    [ExcelColumn(Name = Headers.Id, Index = 0, Width = 10)]
    public long Id { get; set; }

    [CsvColumn(Headers.AtUtc, Index = 1)]
    [CsvFormat("yyyy-MM-dd HH:mm:ss")]
    [ExcelColumn(Name = Headers.AtUtc, Index = 1, Width = 20, Format = "yyyy-MM-dd HH:mm:ss")]
    public DateTime AtUtc { get; set; }

    [CsvColumn(Headers.Actor, Index = 2)]
    [ExcelColumn(Name = Headers.Actor, Index = 2, Width = 16)]
    public string ActorName { get; set; } = "";

    [CsvColumn(Headers.ActorId, Index = 3)]
    [ExcelColumn(Name = Headers.ActorId, Index = 3, Width = 38)]
    public Guid? ActorId { get; set; }

    [CsvColumn(Headers.EntityType, Index = 4)]
    [ExcelColumn(Name = Headers.EntityType, Index = 4, Width = 18)]
    public string EntityType { get; set; } = "";

    [CsvColumn(Headers.EntityId, Index = 5)]
    [ExcelColumn(Name = Headers.EntityId, Index = 5, Width = 38)]
    public string EntityId { get; set; } = "";

    [CsvColumn(Headers.Action, Index = 6)]
    [ExcelColumn(Name = Headers.Action, Index = 6, Width = 8)]
    public string ActionName { get; set; } = "";

    /// <summary>JSON array of { field, old, new }, as stored.</summary>
    [CsvColumn(Headers.Changes, Index = 7)]
    [ExcelColumn(Name = Headers.Changes, Index = 7, Width = 80)]
    public string Changes { get; set; } = "";

    [CsvIgnore]
    [ExcelIgnore]
    public AuditAction Action { get; set; }

    internal static class Headers
    {
        public const string Id = "编号";
        public const string AtUtc = "时间(UTC)";
        public const string Actor = "用户";
        public const string ActorId = "用户ID";
        public const string EntityType = "对象类型";
        public const string EntityId = "对象ID";
        public const string Action = "操作";
        public const string Changes = "变更";

        public static IReadOnlyList<string> All { get; } = [Id, AtUtc, Actor, ActorId, EntityType, EntityId, Action, Changes];
    }
}
