namespace KunshanInvest.Domain.Reviews;

/// <summary>环评类别: the environmental-impact assessment the project needs (分类管理名录). Numbered for SQL; never renumber.</summary>
public enum EnvironmentalCategory
{
    /// <summary>报告书: a full report, the heaviest impact.</summary>
    ReportBook = 0,

    /// <summary>报告表: a report form.</summary>
    ReportForm = 1,

    /// <summary>登记表: registration only.</summary>
    RegistrationForm = 2,
}

/// <summary>A reviewer's opinion.</summary>
public enum ReviewOpinionKind
{
    /// <summary>同意.</summary>
    Approve = 0,

    /// <summary>有条件同意: the comment says the conditions.</summary>
    ApproveWithConditions = 1,

    /// <summary>不同意: the comment says why.</summary>
    Reject = 2,
}

/// <summary>What a reviewer may veto on alone (DOMAIN.md: environment, safety or energy can veto alone).</summary>
public enum ReviewVeto
{
    /// <summary>环保.</summary>
    Environment = 0,

    /// <summary>安全.</summary>
    Safety = 1,

    /// <summary>能耗.</summary>
    Energy = 2,
}

/// <summary>Where a round stands.</summary>
public enum ReviewStatus
{
    /// <summary>评审中: opinions are being gathered.</summary>
    Pending = 0,

    /// <summary>已决定: a manager decided the outcome.</summary>
    Decided = 1,

    /// <summary>已被修订: a revised sheet was submitted before a decision; kept with the project.</summary>
    Superseded = 2,
}

/// <summary>The manager's decision.</summary>
public enum ReviewOutcome
{
    /// <summary>通过.</summary>
    Passed = 0,

    /// <summary>有条件通过: with the conditions.</summary>
    PassedWithConditions = 1,

    /// <summary>不通过: with the reasons.</summary>
    Failed = 2,
}

public static class ReviewNames
{
    public static string ZhName(this EnvironmentalCategory c) => c switch
    {
        EnvironmentalCategory.ReportBook => "报告书",
        EnvironmentalCategory.ReportForm => "报告表",
        EnvironmentalCategory.RegistrationForm => "登记表",
        _ => c.ToString(),
    };

    public static string EnName(this EnvironmentalCategory c) => c switch
    {
        EnvironmentalCategory.ReportBook => "Full report",
        EnvironmentalCategory.ReportForm => "Report form",
        EnvironmentalCategory.RegistrationForm => "Registration form",
        _ => c.ToString(),
    };

    public static string ZhName(this ReviewOpinionKind k) => k switch
    {
        ReviewOpinionKind.Approve => "同意",
        ReviewOpinionKind.ApproveWithConditions => "有条件同意",
        ReviewOpinionKind.Reject => "不同意",
        _ => k.ToString(),
    };

    public static string EnName(this ReviewOpinionKind k) => k switch
    {
        ReviewOpinionKind.Approve => "Approve",
        ReviewOpinionKind.ApproveWithConditions => "Approve with conditions",
        ReviewOpinionKind.Reject => "Reject",
        _ => k.ToString(),
    };

    public static string ZhName(this ReviewVeto v) => v switch
    {
        ReviewVeto.Environment => "环保",
        ReviewVeto.Safety => "安全",
        ReviewVeto.Energy => "能耗",
        _ => v.ToString(),
    };

    public static string EnName(this ReviewVeto v) => v switch
    {
        ReviewVeto.Environment => "Environment",
        ReviewVeto.Safety => "Safety",
        ReviewVeto.Energy => "Energy",
        _ => v.ToString(),
    };

    public static string ZhName(this ReviewOutcome o) => o switch
    {
        ReviewOutcome.Passed => "通过",
        ReviewOutcome.PassedWithConditions => "有条件通过",
        ReviewOutcome.Failed => "不通过",
        _ => o.ToString(),
    };

    public static string EnName(this ReviewOutcome o) => o switch
    {
        ReviewOutcome.Passed => "Passed",
        ReviewOutcome.PassedWithConditions => "Passed with conditions",
        ReviewOutcome.Failed => "Failed",
        _ => o.ToString(),
    };

    public static bool IsPass(this ReviewOutcome o) => o is ReviewOutcome.Passed or ReviewOutcome.PassedWithConditions;
}
