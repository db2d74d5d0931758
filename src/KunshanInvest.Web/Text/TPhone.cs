namespace KunshanInvest.Web.Text;

/// <summary>Phone-first layout (issue 18): the cards' "more" toggle and the app bar's menu.</summary>
public static partial class T
{
    public static string ShowMore => P("展开详情", "Show details");
    public static string ShowLess => P("收起详情", "Hide details");
    public static string AccountMenu => P("账户菜单", "Account menu");
}
