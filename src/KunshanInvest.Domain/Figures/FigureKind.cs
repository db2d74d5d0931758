namespace KunshanInvest.Domain.Figures;

/// <summary>
/// What a realised figure measures (DOMAIN.md). Numbered for SQL; never renumber. Each kind has one reporting unit
/// (<see cref="FigureKinds.Unit"/>): an entry's <see cref="FigureEntry.Value"/> is in it, whatever was entered.
/// </summary>
public enum FigureKind
{
    /// <summary>到位资金: money an outside investor actually put in (CNY), with the part that is foreign capital.</summary>
    FundsInPlace = 0,

    /// <summary>实际使用外资: foreign capital actually used (USD).</summary>
    ForeignCapitalUsed = 1,

    /// <summary>固定资产投资完成额 (CNY).</summary>
    FixedAssetInvestment = 2,

    /// <summary>主营业务收入 (CNY): what 上规 is measured on.</summary>
    MainBusinessRevenue = 3,

    /// <summary>工业总产值 (CNY): what 达产 is measured on.</summary>
    IndustrialOutput = 4,

    /// <summary>税收 (CNY).</summary>
    TaxPaid = 5,

    /// <summary>用工人数 (people, the month's headcount; a year is its latest month, not a sum).</summary>
    Jobs = 6,

    /// <summary>研发投入 (CNY).</summary>
    RdSpend = 7,

    /// <summary>综合能耗 (kilograms of standard coal equivalent).</summary>
    EnergyUse = 8,
}

/// <summary>The unit a kind is reported in.</summary>
public enum FigureUnit
{
    /// <summary>CNY fen.</summary>
    CnyFen = 0,

    /// <summary>US cents.</summary>
    UsdCents = 1,

    People = 2,

    /// <summary>kgce (千克标准煤).</summary>
    KgCoalEquivalent = 3,
}

/// <summary>What proves a figure.</summary>
public enum EvidenceType
{
    /// <summary>银行进账单 / 银行入账凭证.</summary>
    BankReceipt = 0,

    /// <summary>验资报告.</summary>
    CapitalVerification = 1,

    /// <summary>统计报表.</summary>
    StatisticsReturn = 2,

    /// <summary>完税证明.</summary>
    TaxCertificate = 3,

    /// <summary>外汇登记 / 商务系统确认.</summary>
    ForeignExchangeRecord = 4,

    Other = 9,
}

public static class FigureKinds
{
    public static IReadOnlyList<FigureKind> All { get; } = Enum.GetValues<FigureKind>();

    public static FigureUnit Unit(this FigureKind kind) => kind switch
    {
        FigureKind.ForeignCapitalUsed => FigureUnit.UsdCents,
        FigureKind.Jobs => FigureUnit.People,
        FigureKind.EnergyUse => FigureUnit.KgCoalEquivalent,
        _ => FigureUnit.CnyFen,
    };

    /// <summary>Money kinds are entered in a currency and converted at the period year's rate.</summary>
    public static bool IsMoney(this FigureKind kind) => kind.Unit() is FigureUnit.CnyFen or FigureUnit.UsdCents;

    /// <summary>Whether a quarter's or year's figure is the sum of its months (all but headcount, which is a level).</summary>
    public static bool IsFlow(this FigureKind kind) => kind != FigureKind.Jobs;

    public static string ZhName(this FigureKind kind) => kind switch
    {
        FigureKind.FundsInPlace => "到位资金",
        FigureKind.ForeignCapitalUsed => "实际使用外资",
        FigureKind.FixedAssetInvestment => "固定资产投资",
        FigureKind.MainBusinessRevenue => "主营业务收入",
        FigureKind.IndustrialOutput => "工业总产值",
        FigureKind.TaxPaid => "税收",
        FigureKind.Jobs => "用工人数",
        FigureKind.RdSpend => "研发投入",
        FigureKind.EnergyUse => "综合能耗",
        _ => kind.ToString(),
    };
}
