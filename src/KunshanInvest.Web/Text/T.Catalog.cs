namespace KunshanInvest.Web.Text;

/// <summary>Words of the admin catalogue (sectors, parks) and the audit view.</summary>
public static partial class T
{
    public static string AdminSectors => P("产业链管理", "Sectors (admin)");
    public static string AdminParks => P("载体管理", "Parks (admin)");
    public static string AuditTrail => P("审计记录", "Audit trail");
    public static string AuditIntegrity => P("审计完整性", "Audit integrity");
    public static string AuditIntegrityHint => P("审计记录以哈希链相连:任何一条被修改、删除或调换顺序,校验都会指出第一个断点。每次校验本身也记入审计。",
        "Audit entries are hash-chained: if any is altered, deleted or reordered, verification points at the first broken link. Every verification is itself audited.");
    public static string VerifyAgain => P("校验", "Verify");
    public static string AuditVerifying(long done, long total) => P($"正在校验… {done} / {total}", $"Verifying… {done} / {total}");
    public static string AuditChainIntact(long rows) => P($"哈希链完整:已校验 {rows} 条记录。", $"Chain intact: {rows} entries checked.");
    public static string AuditChainBroken(long rows) => P($"哈希链断裂!在第一个断点之前已校验 {rows} 条记录。", $"Chain broken! {rows} entries checked before the first broken link.");
    public static string AuditRowsChecked => P("已校验记录数", "Entries checked");
    public static string AuditSequenceRange => P("序号范围", "Sequence range");
    public static string AuditBreakAt => P("断点序号", "Broken at sequence");
    public static string AuditBreakEntry => P("记录 Id", "Entry id");
    public static string AuditBreakWhat => P("问题", "What is wrong");
    public static string AuditBreakDetails => P("详情", "Details");

    public static string AuditBreakKindName(Application.Auditing.VerifyAudit.AuditBreakKind kind) => kind switch
    {
        Application.Auditing.VerifyAudit.AuditBreakKind.Altered => P("记录被篡改", "Entry altered"),
        Application.Auditing.VerifyAudit.AuditBreakKind.Missing => P("记录缺失", "Entries missing"),
        Application.Auditing.VerifyAudit.AuditBreakKind.Reordered => P("顺序被调换", "Entries reordered"),
        Application.Auditing.VerifyAudit.AuditBreakKind.BrokenLink => P("链接断开", "Link broken"),
        Application.Auditing.VerifyAudit.AuditBreakKind.Truncated => P("末尾记录被删除", "Newest entries deleted"),
        Application.Auditing.VerifyAudit.AuditBreakKind.Unchained => P("链外记录", "Entry outside the chain"),
        _ => kind.ToString(),
    };
    public static string NewSector => P("新增产业链", "New sector");
    public static string NewPark => P("新增载体", "New park");
    public static string CatalogCode => P("代码", "Code");
    public static string CodeHint => P("小写字母、数字和连字符,如 low-altitude;创建后不可修改", "Lower-case letters, digits and hyphens, e.g. low-altitude; fixed once created");
    public static string NameZh => P("中文名称", "Chinese name");
    public static string NameEn => P("英文名称", "English name");
    public static string DescriptionZh => P("中文描述", "Chinese description");
    public static string DescriptionEn => P("英文描述", "English description");
    public static string Description => P("描述", "Description");
    public static string Active => P("在用", "Active");
    public static string Add => P("新增", "Add");
    public static string Deactivate => P("停用", "Deactivate");
    public static string Reactivate => P("重新启用", "Reactivate");
    public static string DeactivateHint => P("停用后保留历史项目与报表,但不再接收新线索。", "A deactivated sector keeps its history and reports but takes no new leads.");
    public static string StalledLimitsTitle => P("六未天数(留空则用默认值)", "Stalled-stage days (empty = default)");
    public static string StaleActivityDays => P("无活动预警天数", "Days without activity");
    public static string DefaultDays(int days) => P($"默认 {days} 天", $"default {days} days");
    public static string Days(int days) => P($"{days} 天", $"{days} days");
    public static string OwnLimits => P("自定义六未天数", "Own stalled limits");
    public static string UsesDefaults => P("默认", "Defaults");
    public static string SectorSaved => P("产业链已保存", "Sector saved");
    public static string ParkSaved => P("载体已保存", "Park saved");
    public static string ReloadHint => P("记录已被他人修改,已重新载入,请重新编辑。", "Someone else changed this record; it was reloaded — edit again.");

    public static string StalledStageLabel(Domain.Projects.ProjectStage stage) => stage switch
    {
        Domain.Projects.ProjectStage.Signed => P("签约未注册", "Signed, not registered"),
        Domain.Projects.ProjectStage.Registered => P("注册未供地", "Registered, no land"),
        Domain.Projects.ProjectStage.LandSecured => P("供地未开工", "Land, not started"),
        Domain.Projects.ProjectStage.UnderConstruction => P("开工未投产", "Started, not operating"),
        Domain.Projects.ProjectStage.Operating => P("投产未上规", "Operating, not above scale"),
        Domain.Projects.ProjectStage.AboveScale => P("上规未达产", "Above scale, not at capacity"),
        _ => StageName(stage),
    };

    public static string AuditUser => P("用户(用户名或ID)", "User (name or id)");
    public static string AuditActor => P("用户", "User");
    public static string EntityType => P("对象类型", "Entity type");
    public static string EntityId => P("对象ID", "Entity id");
    public static string FromUtc => P("开始(UTC)", "From (UTC)");
    public static string ToUtc => P("结束(UTC,不含)", "To (UTC, exclusive)");
    public static string AuditActionLabel => P("操作", "Action");
    public static string AnyAction => P("全部操作", "Any action");
    public static string AtUtc => P("时间(UTC)", "Time (UTC)");
    public static string Changes => P("变更", "Changes");
    public static string AuditTotal(int n) => P($"共 {n} 条记录", $"{n} entries");
    public static string LoadMore => P("加载更多", "Load more");
    public static string Reset => P("重置", "Reset");
    public static string AuditHint => P("审计记录只读,不可修改或删除。", "The audit trail is read-only: entries are never changed or deleted.");

    public static string AuditActionName(Domain.Auditing.AuditAction action) => action switch
    {
        Domain.Auditing.AuditAction.Created => P("新增", "Created"),
        Domain.Auditing.AuditAction.Updated => P("修改", "Updated"),
        Domain.Auditing.AuditAction.Deleted => P("删除", "Deleted"),
        Domain.Auditing.AuditAction.Verified => P("校验", "Verified"),
        Domain.Auditing.AuditAction.Exported => P("导出", "Exported"),
        Domain.Auditing.AuditAction.Purged => P("清理", "Purged"),
        _ => action.ToString(),
    };
}
