namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string Enterprises => P("企业库", "Enterprises");
    public static string EnterpriseSearchHint => P("中英文名或信用代码", "Chinese/English name or credit code");
    public static string OwnershipLabel => P("资本性质", "Ownership");
    public static string Fortune500 => P("世界500强", "Fortune Global 500");
    public static string Listed => P("上市公司", "Listed");
    public static string ProjectCount => P("项目数", "Projects");
    public static string Contacts => P("联系人", "Contacts");
    public static string ContactName => P("姓名", "Name");
    public static string ContactTitle => P("职务", "Title");
    public static string Phone => P("电话", "Phone");
    public static string Email => P("邮箱", "E-mail");
    public static string WeChat => P("微信", "WeChat");
    public static string AddContact => P("添加联系人", "Add contact");
    public static string Website => P("网站", "Website");
    public static string Note => P("备注", "Note");
    public static string MergedInto(string name) => P($"此记录已合并到「{name}」", $"This record was merged into {name}");
    public static string ContactAdded => P("已添加联系人", "Contact added");
    public static string Remove => P("删除", "Remove");
    public static string NewExpansion => P("增资扩产", "Expansion");
    public static string MergeDuplicate => P("合并重复企业", "Merge a duplicate");
    public static string MergeHint => P("若此企业与库中另一条记录是同一家公司,可将本记录的项目、联系人和走访记录并入那一条。合并会记入修改记录。", "If this is the same company as another record, move this record's projects, contacts and visits into that one. The merge is audited.");
    public static string MergeIntoThis => P("并入此企业", "Merge into this one");
    public static string Merged => P("已合并", "Merged");
    public static string Demo => P("演示数据", "demo");
    public static string TotalEnterprises(int n) => P($"共 {n} 家企业", $"{n} enterprises");
}
