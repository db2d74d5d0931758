namespace KunshanInvest.Domain.Enterprises;

/// <summary>
/// 统计类型: the statistics register an enterprise reports to, which sets its 上规 threshold (DOMAIN.md; the amounts are
/// configuration, <c>AboveScale:Thresholds</c>). Numbered for SQL; never renumber.
/// </summary>
public enum StatisticsType
{
    /// <summary>工业: main-business revenue ≥ CNY 20 m by default.</summary>
    Industrial = 0,

    /// <summary>批发.</summary>
    Wholesale = 1,

    /// <summary>零售.</summary>
    Retail = 2,

    /// <summary>住宿餐饮.</summary>
    AccommodationCatering = 3,

    /// <summary>服务业 (other services; the branch thresholds differ, the default is the middle one).</summary>
    Services = 4,
}

public static class StatisticsTypes
{
    public static IReadOnlyList<StatisticsType> All { get; } = Enum.GetValues<StatisticsType>();

    public static string ZhName(this StatisticsType type) => type switch
    {
        StatisticsType.Industrial => "工业",
        StatisticsType.Wholesale => "批发业",
        StatisticsType.Retail => "零售业",
        StatisticsType.AccommodationCatering => "住宿餐饮业",
        StatisticsType.Services => "服务业",
        _ => type.ToString(),
    };
}
