namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// Agreement commitments (协议承诺): the domain's rules, the use cases' refusals and the daily check's notice. The
/// notice's arguments are built in SQL (Infrastructure/Jobs/JobSql): <c>code</c>, <c>name</c>, <c>metric</c> (a
/// <see cref="Bilingual"/>) and <c>date</c>.
/// </summary>
public static partial class M
{
    public static readonly Msg CommitmentMetric = new("commitment.metric", "未知的承诺指标。", "Unknown commitment metric.");
    public static readonly Msg CommitmentTarget = new("commitment.target", "承诺目标值须大于零且低于10万亿元。", "A commitment's target must be above zero and below CNY 10 trillion.");
    public static readonly Msg CommitmentCheckOn = new("commitment.check_on", "核查日期 {date} 不合理(须在2000年至2100年之间)。", "{date} is not a sensible check date (2000 to 2100).");
    public static readonly Msg CommitmentClause = new("commitment.clause", "条款说明最多{max}个字符。", "The clause may have at most {max} characters.");
    public static readonly Msg CommitmentClauseControl = new("commitment.clause_control", "条款说明不能包含控制字符。", "The clause cannot contain control characters.");
    public static readonly Msg CommitmentDateHasNoTarget = new("commitment.date_no_target", "开工、投产、达产类承诺以核查日期为准,不填目标值。", "A construction, production or capacity commitment is its date: leave the target empty.");

    public static readonly Msg JobCommitmentMissed = new("notice.job.commitment_missed", "协议承诺未达成:{code} {name}", "Agreement commitment missed: {code} {name}");
    public static readonly Msg JobCommitmentMissedBody = new("notice.job.commitment_missed.body", "“{metric}”的核查日期 {date} 已过,仍未达成,请跟进。", "“{metric}” was due by {date} and has not been met; please follow up.");
}
