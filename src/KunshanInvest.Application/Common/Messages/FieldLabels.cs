using System.Globalization;
using System.Reflection;
using FluentValidation;

namespace KunshanInvest.Application.Common.Messages;

/// <summary>
/// The names FluentValidation's own messages give a property ("'中文名称' 不能为空。"), in the reader's language,
/// instead of the split property name ('Name Zh'). A property without a label keeps FluentValidation's split name.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, Bilingual> Labels = new(StringComparer.Ordinal)
    {
        ["AboveScaleDays"] = new("上规阶段天数", "Above-scale days"),
        ["AnnouncedInvestmentFen"] = new("发布投资额", "Announced investment"),
        ["AnnouncedProjects"] = new("发布项目数", "Announced projects"),
        ["AssigneeId"] = new("负责人", "Assignee"),
        ["BlockingIssues"] = new("卡点", "Blocking issues"),
        ["Body"] = new("内容", "Text"),
        ["CnyPerUnit"] = new("汇率", "Rate"),
        ["Code"] = new("代码", "Code"),
        ["ContactEmail"] = new("联系人邮箱", "Contact e-mail"),
        ["ContactName"] = new("联系人", "Contact"),
        ["ContactPhone"] = new("联系电话", "Contact phone"),
        ["Content"] = new("文件", "File"),
        ["Country"] = new("国家/地区", "Country"),
        ["CreditCode"] = new("统一社会信用代码", "Credit code"),
        ["Currency"] = new("币种", "Currency"),
        ["Cursor"] = new("分页游标", "Cursor"),
        ["DescriptionEn"] = new("英文简介", "English description"),
        ["DescriptionZh"] = new("中文简介", "Chinese description"),
        ["Destination"] = new("目的地", "Destination"),
        ["Dimension"] = new("维度", "Dimension"),
        ["DisplayName"] = new("姓名", "Display name"),
        ["DueOn"] = new("截止日期", "Due date"),
        ["Email"] = new("邮箱", "E-mail"),
        ["EndsOn"] = new("结束日期", "End date"),
        ["EnterpriseId"] = new("企业", "Enterprise"),
        ["EnterpriseNameEn"] = new("企业英文名称", "Enterprise English name"),
        ["EnterpriseNameZh"] = new("企业中文名称", "Enterprise Chinese name"),
        ["EstimatedInvestment"] = new("预计投资", "Estimated investment"),
        ["ExpectedJobs"] = new("预计就业", "Expected jobs"),
        ["FileName"] = new("文件名", "File name"),
        ["Files"] = new("附件", "Attachments"),
        ["Filter"] = new("筛选条件", "Filter"),
        ["FollowUpOn"] = new("跟进日期", "Follow-up date"),
        ["Format"] = new("格式", "Format"),
        ["IdempotencyKey"] = new("幂等键", "Idempotency key"),
        ["Kind"] = new("类型", "Kind"),
        ["LandMu"] = new("用地(亩)", "Land (mu)"),
        ["LandSecuredDays"] = new("供地阶段天数", "Land-secured days"),
        ["Metric"] = new("指标", "Metric"),
        ["MinorUnits"] = new("金额", "Amount"),
        ["Name"] = new("名称", "Name"),
        ["NameEn"] = new("英文名称", "English name"),
        ["NameZh"] = new("中文名称", "Chinese name"),
        ["NewEnterprise"] = new("新企业", "New enterprise"),
        ["NextSteps"] = new("下一步", "Next steps"),
        ["Note"] = new("备注", "Note"),
        ["OccurredAt"] = new("发生时间", "Time"),
        ["OperatingDays"] = new("投产阶段天数", "Operating days"),
        ["Organiser"] = new("主办方", "Organiser"),
        ["Ownership"] = new("企业性质", "Ownership"),
        ["OwnerId"] = new("负责人", "Owner"),
        ["PageSize"] = new("每页条数", "Page size"),
        ["Password"] = new("密码", "Password"),
        ["Phone"] = new("电话", "Phone"),
        ["Place"] = new("地点", "Place"),
        ["Pledged"] = new("协议数据", "Pledged figures"),
        ["PledgedInvestment"] = new("协议投资额", "Pledged investment"),
        ["ProjectCompanyCreditCode"] = new("项目公司信用代码", "Project company's credit code"),
        ["ProjectId"] = new("项目", "Project"),
        ["ProjectName"] = new("项目名称", "Project name"),
        ["Q"] = new("关键词", "Search"),
        ["Realised"] = new("实际数据", "Realised figures"),
        ["Reason"] = new("理由", "Reason"),
        ["RegisteredDays"] = new("注册阶段天数", "Registered days"),
        ["Roles"] = new("角色", "Roles"),
        ["Rows"] = new("签约行", "Rows"),
        ["SectorId"] = new("产业链", "Sector"),
        ["SectorIds"] = new("产业链", "Sectors"),
        ["SignedDays"] = new("签约阶段天数", "Signed days"),
        ["Sort"] = new("排序", "Sort"),
        ["Source"] = new("来源", "Source"),
        ["SourceVersion"] = new("被合并企业版本", "Source version"),
        ["StaleActivityDays"] = new("无跟进天数", "Days without activity"),
        ["StartsOn"] = new("开始日期", "Start date"),
        ["Summary"] = new("简介", "Summary"),
        ["SurvivorId"] = new("保留企业", "Surviving enterprise"),
        ["SurvivorVersion"] = new("保留企业版本", "Surviving enterprise's version"),
        ["Target"] = new("目标", "Target"),
        ["Title"] = new("标题", "Title"),
        ["Type"] = new("类型", "Type"),
        ["UnderConstructionDays"] = new("开工阶段天数", "Under-construction days"),
        ["UserName"] = new("用户名", "User name"),
        ["Value"] = new("数值", "Value"),
        ["Version"] = new("版本", "Version"),
        ["Website"] = new("网址", "Website"),
        ["WeChat"] = new("微信", "WeChat"),
        ["Year"] = new("年度", "Year"),
    };

    /// <summary>The label of a property in <paramref name="culture"/>'s language, or null when it has none.</summary>
    public static string? Of(string? property, CultureInfo culture) =>
        property is not null && Labels.TryGetValue(property, out var label) ? (Msg.IsEnglish(culture) ? label.En : label.Zh) : null;

    /// <summary>
    /// Installs the resolver. Resolved when a message is made, so it follows the current UI culture. The
    /// LanguageManager's culture stays null for the same reason: it follows the per-request culture; a global culture
    /// set per request would race between readers of two languages (ADR 0024).
    /// </summary>
    public static void Install()
    {
        ValidatorOptions.Global.LanguageManager.Culture = null;
        ValidatorOptions.Global.DisplayNameResolver = Resolve;
    }

    private static string? Resolve(Type type, MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression) =>
        Of(member?.Name, CultureInfo.CurrentUICulture) ?? (member is null ? null : SplitPascalCase(member.Name));

    private static string SplitPascalCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) ? " " + c : c.ToString()));
}
