namespace KunshanInvest.Web.Text;

/// <summary>The service request catalogues' admin page and the dashboard's service request panel.</summary>
public static partial class T
{
    public static string AdminServiceCatalog => P("诉求类别与办理部门", "Service categories and departments");
    public static string ServiceCategories => P("诉求类别", "Service categories");
    public static string DeadlineDays => P("办理时限(天)", "Deadline (days)");
    public static string CatalogActive => P("启用", "Active");
    public static string CatalogRetired => P("已停用", "Retired");
    public static string NewServiceCategory => P("新增诉求类别", "New service category");
    public static string ServiceCategorySaved => P("诉求类别已保存", "Service category saved");
    public static string ServiceDepartments => P("办理部门", "Departments");
    public static string NewDepartment => P("新增办理部门", "New department");
    public static string DepartmentSaved => P("办理部门已保存", "Department saved");
    public static string DepartmentHeadLabel => P("部门负责人", "Head");
    public static string NoHead => P("(未指定)", "(none)");
    public static string DepartmentMembers => P("部门成员", "Members");
    public static string NoMembers => P("暂无成员", "No members yet");
    public static string AddMember => P("添加成员", "Add member");
    public static string RemoveMember => P("移除", "Remove");
    public static string MemberUser => P("用户(部门办理员或局内人员)", "User (department handler or bureau staff)");

    public static string ServiceRequestsReport => P("企业诉求", "Enterprise service requests");
    public static string ServiceOpen => P("在办", "Open");
    public static string ServiceOpenOverdue(int open, int overdue) => P($"在办 {open} 件,超期 {overdue} 件", $"{open} open, {overdue} overdue");
    public static string ServiceByCategory => P("分类别", "By category");
    public static string ServiceByDepartment => P("分部门", "By department");
    public static string ServiceCloseTimes(int year) => P($"{year} 年办结用时(天)", $"Days to close, {year}");
    public static string ServiceClosedCount => P("办结数", "Closed");
    public static string ServiceMedianDays => P("中位数", "Median");
    public static string ServiceMeanDays => P("平均", "Mean");
    public static string ServiceSatisfactionOfYear(int year) => P($"{year} 年回访满意度", $"Satisfaction, {year}");
    public static string ServiceMonth => P("月份", "Month");
    public static string ServiceVisits => P("回访数", "Visits");
    public static string ServiceAverage => P("平均满意度", "Average");
    public static string ServiceNone => P("暂无诉求数据", "No service requests yet");
}
