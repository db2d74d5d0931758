using KunshanInvest.Domain.Events;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string Events => P("招商活动", "Events");
    public static string EventsHint => P("招商大会、展会、路演与签约仪式;发布数据与已录入签约对照。", "Conferences, expos, roadshows and ceremonies; announced figures beside the signings recorded.");
    public static string EventDate => P("日期", "Date");
    public static string EventPlace => P("地点", "Place");
    public static string EventOrganiser => P("主办", "Organiser");
    public static string EventKindLabel => P("类型", "Kind");
    public static string Announced => P("发布", "Announced");
    public static string Recorded => P("已录入", "Recorded");
    public static string AnnouncedProjects => P("发布签约项目", "Announced projects");
    public static string AnnouncedInvestment => P("发布投资总额", "Announced investment");
    public static string RecordedProjects => P("已录入签约项目", "Recorded signings");
    public static string RecordedPledged => P("已录入协议投资(折人民币)", "Recorded pledges (in CNY)");
    public static string NotAnnounced => P("未发布", "not announced");
    public static string Signings => P("签约项目", "Signings");
    public static string EventNotFound => P("活动不存在。", "No such event.");
    public static string NoSignings => P("尚未录入签约项目。", "No signings recorded yet.");
    public static string Ceremony => P("录入签约仪式", "Record the signing ceremony");
    public static string CeremonyHint => P("每行一个签约项目:输入企业名称搜索已有企业,或直接填写新企业名称;逐行检查,全部通过才一次保存,任何一行有误都不会写入。", "One signing per row: type to search an existing enterprise or give a new one's name. Rows are checked one by one and saved together only when every row passes.");
    public static string EnterpriseSearch => P("企业(搜索或新建)", "Enterprise (search or new)");
    public static string NewProjectName => P("项目名称", "Project name");
    public static string PledgedWan => P("协议投资(万)", "Pledged (10⁴)");
    public static string AddRow => P("添加一行", "Add a row");
    public static string RemoveRow => P("删除", "Remove");
    public static string SaveCeremony => P("全部保存", "Save all");
    public static string NotDuplicate => P("确认不是已有企业", "Not an existing enterprise");
    public static string NewEnterpriseTag => P("新企业", "new");
    public static string CeremonySaved(int count) => P($"已签约 {count} 个项目", $"{count} projects signed");
    public static string CeremonyHasErrors(int rows) => P($"{rows} 行有问题,均未保存。", $"{rows} rows have problems; nothing was saved.");
    public static string RowNumber(int index) => P($"第 {index + 1} 行", $"Row {index + 1}");

    public static string NewEvent => P("新建活动", "New event");
    public static string EditEvent => P("编辑活动", "Edit event");
    public static string EventCode => P("活动代码", "Code");
    public static string EventCodeHint => P("字母、数字和连字符,如 coffee-conf-2026", "Letters, digits and hyphens, e.g. coffee-conf-2026");
    public static string EventNameZh => P("中文名称", "Name (Chinese)");
    public static string EventNameEn => P("英文名称", "Name (English)");
    public static string StartsOn => P("开始日期", "Starts on");
    public static string EndsOn => P("结束日期", "Ends on");
    public static string EventNote => P("说明", "Note");
    public static string AnnouncedInvestmentYi => P("发布投资总额(亿元)", "Announced investment (CNY 100 m)");
    public static string EventSaved => P("活动已保存", "Event saved");

    public static string EventKindName(EventKind kind) => kind switch
    {
        EventKind.Conference => P("招商大会", "Conference"),
        EventKind.Expo => P("展会", "Expo"),
        EventKind.Roadshow => P("路演", "Roadshow"),
        _ => P("签约仪式", "Ceremony"),
    };
}
