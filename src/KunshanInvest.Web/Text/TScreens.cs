namespace KunshanInvest.Web.Text;

/// <summary>Enterprise create/edit, contact edit/remove, follow-up edit/reschedule/cancel (issue 18).</summary>
public static partial class T
{
    public static string NewEnterprise => P("新建企业", "New enterprise");
    public static string EditEnterprise => P("编辑企业信息", "Edit enterprise");
    public static string CreditCodeOk => P("信用代码格式与校验位正确", "Credit code format and check digit are correct");
    public static string CreditCodeHint => P("18位,填写后即时校验", "18 characters, checked as you type");
    public static string CountryHint => P("两位字母代码,如 CN、DE、JP", "Two-letter code, e.g. CN, DE, JP");
    public static string PossibleDuplicates => P("库中可能已有此企业:", "This enterprise may already be in the register:");
    public static string SameCodeBlocks => P("信用代码相同的企业不能重复录入,请打开已有记录。", "An enterprise with the same credit code cannot be entered twice; open the existing record.");
    public static string ConfirmAnotherCompany => P("我已核对,这是另一家公司", "I have checked: this is another company");
    public static string EnterpriseSaved => P("企业信息已保存", "Enterprise saved");
    public static string EnterpriseCreated => P("企业已创建", "Enterprise created");
    public static string EditContact => P("编辑联系人", "Edit contact");
    public static string RemoveContact => P("删除联系人", "Remove contact");
    public static string RemoveContactConfirm(string name) => P($"确定删除联系人「{name}」?删除会记入修改记录。", $"Remove the contact {name}? The removal is recorded in the history.");
    public static string ContactSaved => P("联系人已保存", "Contact saved");
    public static string ContactRemoved => P("联系人已删除", "Contact removed");
    public static string Actions => P("操作", "Actions");
    public static string EditFollowUp => P("编辑跟进", "Edit follow-up");
    public static string RescheduleFollowUp => P("改期", "Reschedule");
    public static string CancelFollowUp => P("取消任务", "Cancel follow-up");
    public static string FollowUpNotes => P("说明", "Notes");
    public static string NewDueOn => P("新的截止日期", "New due date");
    public static string RescheduleReason => P("改期原因(可选)", "Reason (optional)");
    public static string CancelReason => P("取消原因", "Reason for cancelling");
    public static string Tomorrow => P("明天", "Tomorrow");
    public static string NextWeek => P("下周", "In a week");
    public static string FollowUpSaved => P("跟进已保存", "Follow-up saved");
    public static string FollowUpRescheduled => P("已改期", "Rescheduled");
    public static string FollowUpCancelled => P("跟进已取消", "Follow-up cancelled");
    public static string Close => P("关闭", "Close");
    public static string MoreActions => P("更多操作", "More actions");
}
