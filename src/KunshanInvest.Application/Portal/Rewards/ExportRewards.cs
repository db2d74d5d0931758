using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Portal.Rewards;

/// <summary>导出首报奖励: balances, accruals and payouts as three sheets of one workbook (or one CSV), through the export pipeline.</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record ExportRewards(ExportFormat Format, Stream Destination, Guid? PartnerId = null) : IQuery<RewardExportFile>;

public sealed record RewardExportFile(string FileName, string ContentType, int Accruals, int Payouts);

public sealed class ExportRewardsValidator : AbstractValidator<ExportRewards>
{
    public ExportRewardsValidator()
    {
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.Destination).Writable();
    }
}

public sealed class ExportRewardsHandler(IAppDbContext db, IOptions<PortalOptions> options, TimeProvider clock) : IQueryHandler<ExportRewards, RewardExportFile>
{
    /// <summary>An export holds every row a bureau could have; the screen shows the newest 500.</summary>
    public const int MaxExportRows = 100_000;

    public async ValueTask<RewardExportFile> Handle(ExportRewards query, CancellationToken cancellationToken)
    {
        var view = await RewardAccruals.ViewAsync(db, options.Value, clock.GetUtcNow().UtcDateTime, query.PartnerId, forPartner: false, cancellationToken, MaxExportRows);
        static decimal? Yuan(long? fen) => fen is { } f ? f / 100m : null;
        static string Rate(long ppm) => (ppm / 1000m).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "‰";
        var sheets = new List<ExportSheet>
        {
            new("余额 Balances",
                ["合作机构 Partner", "类型 Type", "比例 Rate", "已计奖励(元) Accrued", "待审批(元) Proposed", "已审批(元) Approved", "已支付(元) Paid", "未兑付(元) Unpaid", "缺汇率 Missing rates"],
                [.. view.Balances.Select(b => (IReadOnlyList<object?>)[b.PartnerName, b.Type.ToString(), Rate(b.RatePpm), Yuan(b.AccruedFen), Yuan(b.ProposedFen), Yuan(b.ApprovedFen), Yuan(b.PaidFen), Yuan(b.UnpaidFen), b.MissingRates])]),
            new("奖励台账 Accruals",
                ["合作机构 Partner", "项目编号 Project", "企业 Enterprise", "实绩 Figure", "月份 Month", "原值 Value", "单位 Unit", "基数(元) Base", "比例 Rate", "奖励(元) Reward", "审核时间 Verified (UTC)"],
                [.. view.Accruals.Select(a => (IReadOnlyList<object?>)[a.PartnerName, a.ProjectCode, a.EnterpriseName, a.Kind.ZhName(), FigurePeriod.Format(a.Period), a.Value / 100m,
                    a.Kind == FigureKind.ForeignCapitalUsed ? "USD" : "CNY", Yuan(a.BaseFen), Rate(a.RatePpm), Yuan(a.RewardFen), a.VerifiedAtUtc])]),
            new("兑付 Payouts",
                ["合作机构 Partner", "金额(元) Amount", "起始月 From", "截止月 To", "状态 Status", "申请 Requested (UTC)", "审批 Approved (UTC)", "支付 Paid (UTC)", "凭证号 Reference", "备注 Note"],
                [.. view.Payouts.Select(p => (IReadOnlyList<object?>)[p.PartnerName, Yuan(p.AmountFen), FigurePeriod.Format(p.PeriodFrom), FigurePeriod.Format(p.PeriodTo), StatusName(p.Status),
                    p.RequestedAtUtc, p.ApprovedAtUtc, p.PaidAtUtc, p.Reference, p.Note])]),
        };
        await ExportPipeline.WriteSheetsAsync(query.Format, query.Destination, sheets, cancellationToken);
        return new RewardExportFile(ExportPipeline.FileName("首报奖励", clock, query.Format), ExportContentTypes.Of(query.Format), view.Accruals.Count, view.Payouts.Count);
    }

    private static string StatusName(PayoutStatus status) => status switch
    {
        PayoutStatus.Proposed => "待审批 Proposed",
        PayoutStatus.Approved => "已审批 Approved",
        _ => "已支付 Paid",
    };
}
