namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg IdempotencyMismatch = new("idempotency.mismatch", "该 Idempotency-Key 已用于另一份报送内容。", "This Idempotency-Key was already used with a different request body.");
    public static readonly Msg IdempotencyInProgress = new("idempotency.in_progress", "相同 Idempotency-Key 的请求正在处理中,请稍后重试。", "A request with this Idempotency-Key is still in progress; retry shortly.");
    public static readonly Msg SubmissionEnterpriseName = new("submission.enterprise_name", "请填写企业中文名或英文名。", "Enter the enterprise's Chinese or English name.");
    public static readonly Msg SubmissionSummary = new("submission.summary", "请填写项目简介。", "Describe the project.");
    public static readonly Msg SubmissionSector = new("submission.sector", "请选择产业链。", "Choose the sector.");
    public static readonly Msg SubmissionLand = new("submission.land", "用地需求(亩)须在 0 到 100000 之间。", "Land need (mu) is between 0 and 100,000.");
    public static readonly Msg SubmissionContact = new("submission.contact", "请填写联系人。", "Name the contact person.");
    public static readonly Msg TooManyAttachments = new("attachment.too_many", "每次最多 {max} 个附件。", "At most {max} attachments per submission.");
    public static readonly Msg AttachmentType = new("attachment.type", "只接受 PDF、Word、Excel 和图片文件({file})。", "Only PDF, Word, Excel and image files are accepted ({file}).");
    public static readonly Msg AttachmentEmpty = new("attachment.empty", "文件为空({file})。", "The file is empty ({file}).");
    public static readonly Msg AttachmentTooLarge = new("attachment.too_large", "文件不能超过 10 MB({file})。", "A file may be at most 10 MB ({file}).");
    public static readonly Msg AttachmentMismatch = new("attachment.mismatch", "文件内容与扩展名不符({file})。", "The file's content does not match its extension ({file}).");
    public static readonly Msg PartnerNoOrganisation = new("partner.no_organisation", "该账户不属于任何合作机构。", "This account belongs to no partner organisation.");
    public static readonly Msg PartnerPending = new("partner.pending", "机构尚待审核,审核通过后即可报送。", "Your organisation awaits approval; you can submit once it is approved.");
    public static readonly Msg PartnerSuspended = new("partner.suspended", "机构已被暂停。", "Your organisation is suspended.");
    public static readonly Msg PartnerNameZh = new("partner.name_zh", "请填写机构中文名称。", "Enter the organisation's Chinese name.");
    public static readonly Msg PartnerUserName = new("partner.user_name", "用户名只用字母、数字和 . _ - @。", "A user name uses letters, digits and . _ - @ only.");
    public static readonly Msg PartnerAlreadyApproved = new("partner.alreadyApproved", "该合作机构已通过审核。", "The partner is already approved.");
    public static readonly Msg PartnerAlreadySuspended = new("partner.alreadySuspended", "该合作机构已被暂停。", "The partner is already suspended.");
    public static readonly Msg SubmissionReasonRequired = new("submission.reasonRequired", "退回须说明理由。", "A rejection needs a reason.");
    public static readonly Msg SubmissionDecided = new("submission.decided", "该报送已处理({status})。", "The submission was already decided ({status}).");
    public static readonly Msg InternalNoteStaffOnly = new("message.internal", "只有招商局人员可以写内部备注。", "Only bureau staff write internal notes.");
    public static readonly Msg TooManySubmissions = new("portal.too_many", "报送过于频繁。", "Too many submissions.");
    public static readonly Msg RetryAfter = new("portal.retry_after", "请 {seconds} 秒后重试。", "Retry after {seconds} seconds.");
    public static readonly Msg JsonOrMultipart = new("portal.json_or_multipart", "请以 JSON 或 multipart/form-data 提交。", "Send JSON or multipart/form-data.");
    public static readonly Msg BodyEmpty = new("portal.body_empty", "请求体为空。", "The request body is empty.");
    public static readonly Msg SubmissionFieldMissing = new("portal.submission_missing", "缺少表单字段 submission(JSON)。", "The multipart field 'submission' (JSON) is missing.");
    public static readonly Msg SubmissionFieldNotObject = new("portal.submission_not_object", "表单字段 submission 须为 JSON 对象。", "The multipart field 'submission' must be a JSON object.");
    public static readonly Msg JsonUnreadable = new("portal.json_unreadable", "JSON 格式有误。", "The JSON could not be read.");
    public static readonly Msg FormUnreadable = new("portal.form_unreadable", "表单无法读取:{reason}", "The form could not be read: {reason}");
    public static readonly Msg OnlyFirstUserAddsColleagues = new("partner.only_first_user", "只有机构的首位用户可以添加同事。", "Only the organisation's first user may add colleagues.");
    public static readonly Msg PartnerApprovedNotice = new("notice.partner_approved", "合作机构已通过审核:{partner}", "Your organisation was approved: {partner}");
    public static readonly Msg PartnerSuspendedNotice = new("notice.partner_suspended", "合作机构已被暂停:{partner}", "Your organisation was suspended: {partner}");
    public static readonly Msg SubmissionAcceptedNotice = new("notice.submission_accepted", "{reference} 报送已受理", "{reference}: your submission was accepted");
    public static readonly Msg SubmissionDuplicateNotice = new("notice.submission_duplicate", "{reference} 报送与已有项目重复", "{reference}: your submission duplicates an existing project");
    public static readonly Msg SubmissionRejectedNotice = new("notice.submission_rejected", "{reference} 报送未被受理", "{reference}: your submission was not accepted");
    public static readonly Msg SubmissionReviewNotice = new("notice.submission_review", "{reference} 报送已进入审核", "{reference}: your submission is under review");
    public static readonly Msg BureauMessageNotice = new("notice.bureau_message", "招商局就 {reference} 给您留言", "The bureau wrote about {reference}");
    public static readonly Msg DuplicateProjectRequired = new("submission.duplicate_project", "请指定重复的已有项目。", "Name the existing project it duplicates.");
    public static readonly Msg RejectReasonNotice = new("notice.submission_rejected.body", "理由:{reason}", "Reason: {reason}");
    public static readonly Msg Bureau = new("portal.bureau", "昆山招商局", "Investment bureau");
    public static readonly Msg WriteSomething = new("message.empty", "请填写内容。", "Write something.");
    public static readonly Msg WriteMessage = new("message.empty_partner", "请填写留言。", "Write a message.");
}
