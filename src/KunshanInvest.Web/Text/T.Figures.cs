using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Web.Text;

/// <summary>Figure entries (实绩): the project's panel and the managers' queue.</summary>
public static partial class T
{
    public static string RealisedFigures => P("实绩", "Realised figures");
    public static string FiguresPending => P("待审核实绩", "Figures awaiting verification");
    public static string FiguresPendingHint => P("他人填报、等待审核的实绩(不含你自己填报的)。只有审核通过的实绩计入统计。", "Figures entered by others and awaiting a check (your own are not listed). Only verified figures count.");
    public static string FiguresQueueEmpty => P("没有待审核的实绩。", "No figures awaiting verification.");
    public static string VerifiedTotals => P("已审核合计(按年、季度)", "Verified totals (by year and quarter)");
    public static string NoVerifiedFigures => P("暂无已审核的实绩。", "No verified figures yet.");
    public static string NoFigureEntries => P("暂无实绩填报。", "No figures entered yet.");
    public static string RecordFigure => P("填报实绩", "Record a figure");
    public static string CorrectFigure => P("更正", "Correct");
    public static string CorrectingFigure(string what) => P($"更正:{what}", $"Correcting: {what}");
    public static string Verify => P("审核通过", "Verify");
    public static string FigureKindLabel => P("类型", "Kind");
    public static string FigurePeriodLabel => P("月份 (yyyy-MM)", "Month (yyyy-MM)");
    public static string FigureAmountWan => P("金额(万)", "Amount (10k units)");
    public static string FigureAmountCount => P("数量", "Quantity");
    public static string FigureForeignPartWan => P("其中外资(万)", "Of which foreign (10k units)");
    public static string FigureCurrency => P("币种", "Currency");
    public static string FigureNote => P("备注", "Note");
    public static string EvidenceTypeLabel => P("证明材料类型", "Evidence type");
    public static string EvidenceFile => P("证明材料", "Evidence");
    public static string ChooseEvidence => P("选择文件", "Choose a file");
    public static string EnteredBy => P("填报人", "Entered by");
    public static string CheckedBy => P("审核人", "Checked by");
    public static string FigureValue => P("折算值", "Value");
    public static string FigureRecorded => P("已提交,等待其他管理人员审核。", "Recorded; awaiting another manager's check.");
    public static string FigureVerified => P("已审核通过。", "Verified.");
    public static string FigureRejected => P("已退回。", "Rejected.");
    public static string Quarter(int q) => P($"{q}季度", $"Q{q}");
    public static string CorrectsEarlier => P("更正前条", "corrects an earlier entry");
    public static string PeriodFormatHint => P("例如 2026-08", "e.g. 2026-08");
    public static string EvidenceTooLarge => P("证明材料不能超过 10 MB。", "Evidence may be at most 10 MB.");
    public static string CancelCorrection => P("取消更正", "Cancel the correction");
    public static string PeriodUnreadable => P("月份格式应为 yyyy-MM。", "The month must be written yyyy-MM.");

    public static string FigureKindName(FigureKind kind) => IsEnglish
        ? kind switch
        {
            FigureKind.FundsInPlace => "Funds in place",
            FigureKind.ForeignCapitalUsed => "FDI actually used",
            FigureKind.FixedAssetInvestment => "Fixed-asset investment",
            FigureKind.MainBusinessRevenue => "Main business revenue",
            FigureKind.IndustrialOutput => "Industrial output",
            FigureKind.TaxPaid => "Tax paid",
            FigureKind.Jobs => "Headcount",
            FigureKind.RdSpend => "R&D spend",
            FigureKind.EnergyUse => "Energy use",
            _ => kind.ToString(),
        }
        : kind.ZhName();

    public static string FigureStatusName(FigureStatus status) => status switch
    {
        FigureStatus.Pending => P("待审核", "Pending"),
        FigureStatus.Verified => P("已审核", "Verified"),
        FigureStatus.Rejected => P("已退回", "Rejected"),
        FigureStatus.Superseded => P("已被更正", "Superseded"),
        _ => status.ToString(),
    };

    public static string EvidenceTypeName(EvidenceType type) => type switch
    {
        EvidenceType.BankReceipt => P("银行进账单", "Bank receipt"),
        EvidenceType.CapitalVerification => P("验资报告", "Capital verification report"),
        EvidenceType.StatisticsReturn => P("统计报表", "Statistics return"),
        EvidenceType.TaxCertificate => P("完税证明", "Tax certificate"),
        EvidenceType.ForeignExchangeRecord => P("外汇登记/商务确认", "Foreign-exchange record"),
        _ => P("其他", "Other"),
    };

    /// <summary>A value in its kind's unit, as the bureau reads it.</summary>
    public static string FigureValueText(FigureKind kind, long value) => kind.Unit() switch
    {
        FigureUnit.CnyFen => Amounts.Cny(value),
        FigureUnit.UsdCents => Amounts.Usd(value),
        FigureUnit.People => P($"{value:N0} 人", $"{value:N0} people"),
        _ => P($"{value / 1000m:N1} 吨标煤", $"{value / 1000m:N1} tce"),
    };
}
