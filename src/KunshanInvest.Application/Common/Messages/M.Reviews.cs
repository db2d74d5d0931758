namespace KunshanInvest.Application.Common.Messages;

/// <summary>项目评审: the review sheet, its threshold check, opinions, decisions, named reviewers and the 签约 gate (ADR 0032).</summary>
public static partial class M
{
    public static readonly Msg ReviewStage = new("review.stage", "只有处于洽谈阶段的项目可以提交评审(当前为{stageZh},{stage})。", "Only a project in negotiation (洽谈) can be put to review (it is at {stage}, {stageZh}).");
    public static readonly Msg ReviewAlreadyPassed = new("review.already_passed", "第{round}轮评审已通过,无需再提交。", "Round {round} passed: the project needs no new round.");
    public static readonly Msg ReviewSheet = new("review.sheet", "评审表需填写大于0的用地亩数和总投资,税收、能耗和就业人数不能为负,且均在合理范围内。", "The sheet needs land (mu) and total investment above 0, and tax, energy and jobs not negative, each within its limit.");
    public static readonly Msg ReviewUse = new("review.use", "未知的用地性质。", "Unknown land use.");
    public static readonly Msg ReviewEnvironmental = new("review.environmental", "未知的环评类别。", "Unknown environmental category.");
    public static readonly Msg ReviewLandMu = new("review.land_mu", "用地面积须大于0且不超过10万亩。", "The land must be more than 0 and at most 100,000 mu.");
    public static readonly Msg ReviewInvestment = new("review.investment", "总投资须大于0且低于10万亿元。", "The total investment must be above zero and below CNY 10 trillion.");
    public static readonly Msg ReviewTax = new("review.tax", "承诺年税收不能为负且须低于10万亿元。", "The promised annual tax cannot be negative and must be below CNY 10 trillion.");
    public static readonly Msg ReviewEnergy = new("review.energy", "年综合能耗须在0到1亿吨标准煤之间。", "Annual energy use is 0 to 100 million tce.");
    public static readonly Msg ReviewJobs = new("review.jobs", "就业人数须在0到100万之间。", "Jobs are 0 to 1,000,000.");
    public static readonly Msg ReviewMeetingOn = new("review.meeting_on", "会审日期 {date} 不合理(须在2000年至2100年之间)。", "{date} is not a sensible meeting date (2000 to 2100).");
    public static readonly Msg ReviewText = new("review.text", "文字最多{max}个字符,且不能包含控制字符。", "The text may have at most {max} characters and no control characters.");

    public static readonly Msg ReviewShortfallIntensity = new("review.shortfall.investment_intensity", "投资强度 {actual} 万元/亩,低于准入门槛 {min} 万元/亩。", "Investment intensity CNY {actual} ×10k per mu is below the entry threshold of CNY {min} ×10k per mu.");
    public static readonly Msg ReviewShortfallTax = new("review.shortfall.tax_per_mu", "亩均税收 {actual} 万元/亩,低于准入门槛 {min} 万元/亩。", "Tax per mu CNY {actual} ×10k is below the entry threshold of CNY {min} ×10k per mu.");
    public static readonly Msg ReviewShortfallTotal = new("review.shortfall.total_investment", "总投资 {actual} 万元,低于独立供地门槛 {min} 万元(应进标准厂房)。", "Total investment CNY {actual} ×10k is below the CNY {min} ×10k for own land (standard factories instead).");

    public static readonly Msg ReviewOpinion = new("review.opinion", "未知的评审意见。", "Unknown opinion.");
    public static readonly Msg ReviewOpinionComment = new("review.opinion_comment", "有条件同意须写明条件,不同意须写明理由。", "Approving with conditions needs the conditions; rejecting needs the reasons.");
    public static readonly Msg ReviewVeto = new("review.veto", "未知的否决事项。", "Unknown veto.");
    public static readonly Msg ReviewVetoNeedsReject = new("review.veto_needs_reject", "一票否决只能随“不同意”意见提出。", "A veto comes with a rejecting opinion.");
    public static readonly Msg ReviewScore = new("review.score", "评分须在0到100之间。", "A score is 0 to 100.");
    public static readonly Msg ReviewNotReviewer = new("review.not_reviewer", "只有评审成员(领导及管理员指定的人员)可以发表评审意见。", "Only reviewers (managers and the users an admin names) can record an opinion.");

    public static readonly Msg ReviewOutcome = new("review.outcome", "未知的评审结论。", "Unknown outcome.");
    public static readonly Msg ReviewConditionsRequired = new("review.conditions_required", "有条件通过须写明条件。", "Passing with conditions needs the conditions.");
    public static readonly Msg ReviewReasonsRequired = new("review.reasons_required", "不通过须写明理由。", "Failing needs the reasons.");
    public static readonly Msg ReviewNoOpinions = new("review.no_opinions", "尚无评审意见,不能通过。", "No reviewer's opinion is recorded: the review cannot pass.");
    public static readonly Msg ReviewVetoed = new("review.vetoed", "已有评审成员就{vetoZh}({veto})一票否决,不能通过。", "A reviewer vetoed on {veto} ({vetoZh}): the review cannot pass.");
    public static readonly Msg ReviewShortfalls = new("review.shortfalls", "评审表有{count}项未达准入门槛,只能有条件通过或不通过。", "The sheet falls short of {count} entry threshold(s): it can pass only with conditions, or fail.");
    public static readonly Msg ReviewDecided = new("review.decided", "第{round}轮评审已有结论。", "Round {round} has been decided.");
    public static readonly Msg ReviewSuperseded = new("review.superseded", "第{round}轮评审已被修订后的评审表取代。", "Round {round} was replaced by a revised sheet.");
    public static readonly Msg ReviewRoundTaken = new("review.round_taken", "该项目刚刚提交了新一轮评审,请刷新后再试。", "A new round was just submitted for this project; reload and try again.");

    public static readonly Msg ReviewerNotStaff = new("reviewer.not_staff", "只能指定在岗的局内工作人员为评审成员。", "Only active bureau staff can be named reviewers.");
    public static readonly Msg ReviewerNamed = new("reviewer.named", "该用户已是评审成员。", "The user is already a reviewer.");
    public static readonly Msg ReviewerNote = new("reviewer.note", "备注最多{max}个字符。", "The note may have at most {max} characters.");
    public static readonly Msg ReviewListView = new("review.view", "未知的列表视图。", "Unknown list view.");

    public static readonly Msg GateReview = new("gate.signed.review", "重大项目须经项目评审通过(通过或有条件通过)方可签约。", "A major project needs a passed review (passed, or passed with conditions) to sign.");
}
