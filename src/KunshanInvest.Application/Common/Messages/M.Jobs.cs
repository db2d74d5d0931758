namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// The jobs' notices. The sweeps write these codes and their arguments in SQL (Infrastructure/Jobs/JobSql), so the
/// argument names here are also the JSON keys that SQL builds: <c>code</c>, <c>name</c>, <c>title</c>,
/// <c>reference</c>, <c>enterprise</c> (a <see cref="Bilingual"/>).
/// </summary>
public static partial class M
{
    public static readonly Msg JobReminder = new("notice.job.reminder", "跟进提醒:{title}", "Follow-up reminder: {title}");
    public static readonly Msg JobReminderBody = new("notice.job.reminder.body", "项目:{code} {name}", "Project: {code} {name}");

    public static readonly Msg JobStale = new("notice.job.stale", "项目长期无跟进:{code} {name}", "No follow-up for a long time: {code} {name}");
    public static readonly Msg JobStaleBody = new("notice.job.stale.body", "超过设定天数没有走访或联系记录,请尽快跟进。", "No visit or call has been recorded for the configured number of days; please follow up soon.");

    public static readonly Msg JobEscalated = new("notice.job.escalated", "六未预警:{code} {name}", "Stalled project warning: {code} {name}");
    public static readonly Msg JobEscalatedBody = new("notice.job.escalated.body", "项目已超过本阶段时限,请推进或记录卡点。", "The project is past its stage's time limit: move it on or record what blocks it.");
    public static readonly Msg JobEscalatedCopied = new("notice.job.escalated_copied", "六未升级(已抄送领导):{code} {name}", "Stalled project escalated (managers copied): {code} {name}");
    public static readonly Msg JobEscalatedCopiedBody = new("notice.job.escalated_copied.body", "项目仍超过本阶段时限,已抄送领导。", "The project is still past its stage's time limit; managers have been copied.");
    public static readonly Msg JobEscalatedCopyBody = new("notice.job.escalated_copy.body", "抄送:项目超过本阶段时限且负责人未推进。", "Copy: the project is past its stage's time limit and its owner has not moved it on.");
    public static readonly Msg JobReassign = new("notice.job.reassign", "建议重新分派:{code} {name}", "Consider reassigning: {code} {name}");
    public static readonly Msg JobReassignBody = new("notice.job.reassign.body", "项目长期超过本阶段时限,建议改派给产业链牵头专员。", "The project has long been past its stage's time limit: consider reassigning it to the sector's lead officer.");

    public static readonly Msg JobRouted = new("notice.job.routed", "新报送待分拣:{reference} {enterprise}", "New submission to triage: {reference} {enterprise}");
    public static readonly Msg JobRoutedDuplicate = new("notice.job.routed.duplicate", "疑似重复:该企业已有在谈项目", "Possible duplicate: the enterprise has an open project");
    public static readonly Msg JobRoutedKnown = new("notice.job.routed.known", "企业已在库", "The enterprise is already on file");
    public static readonly Msg JobAcknowledged = new("notice.job.acknowledged", "报送已收到:{reference}", "Submission received: {reference}");
    public static readonly Msg JobAcknowledgedBody = new("notice.job.acknowledged.body", "我们已收到您的项目报送,将尽快审核。", "We have received your project submission and will review it shortly.");

    public static readonly Msg DigestTitle = new("notice.digest", "招商周报 {from} – {to}:新线索 {leads},签约 {signings},六未 {stalled}", "Weekly digest {from} – {to}: {leads} new leads, {signings} signings, {stalled} stalled");
    public static readonly Msg DigestBody = new("notice.digest.body", "阶段变更 {moves} 次", "{moves} stage moves");
    public static readonly Msg DigestHeading = new("digest.heading", "招商周报 {from} – {to}", "Weekly digest {from} – {to}");
    public static readonly Msg DigestNewLeads = new("digest.new_leads", "新线索", "New leads");
    public static readonly Msg DigestStageMoves = new("digest.stage_moves", "阶段变更", "Stage moves");
    public static readonly Msg DigestSignings = new("digest.signings", "签约", "Signings");
    public static readonly Msg DigestStalled = new("digest.stalled", "六未项目", "Stalled projects");
    public static readonly Msg DigestSigned = new("digest.signed", "签约项目", "Signed projects");
    public static readonly Msg MailFrom = new("mail.subject_default", "昆山招商", "KunshanInvest");
}
