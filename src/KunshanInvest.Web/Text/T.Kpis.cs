using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string RealisedByMonth(int year) => P($"{year} 年实绩逐月(已核实)", $"Realised in {year} by month (verified)");
    public static string RealisedEmpty => P("本年尚无已核实的到位资金或实际使用外资。", "No verified funds in place or foreign capital this year yet.");
    public static string CumulativeFunds => P("累计到位资金(万元)", "Funds in place to date (CNY 10k)");
    public static string FundsTargetLine => P("到位资金序时目标(万元)", "Funds target to date (CNY 10k)");
    public static string CumulativeForeign => P("累计实际使用外资(万美元)", "Foreign capital used to date (USD 10k)");
    public static string ForeignTargetLine => P("外资序时目标(万美元)", "Foreign capital target to date (USD 10k)");
    public static string ForeignBySector => P("实际使用外资·按产业链", "Foreign capital used · by sector");
    public static string ForeignByCountry => P("实际使用外资·按国别地区", "Foreign capital used · by country");
    public static string ForeignEmpty => P("期间内没有已核实的实际使用外资。", "No verified foreign capital in the period.");
    public static string UsdAmount => P("金额", "Amount");
    public static string PerMuRanking(int year) => P($"{year} 年亩均排名", $"Per-mu ranking {year}");
    public static string PerMuEmpty => P("暂无有用地或投产记录的企业。", "No enterprise with land or a production start on record.");
    public static string Rank => P("排名", "Rank");
    public static string Class => P("类别", "Class");
    public static string EnterpriseName => P("企业", "Enterprise");
    public static string TaxPerMu => P("亩均税收(万元/亩)", "Tax per mu (CNY 10k)");
    public static string RevenuePerMu => P("亩均营收(万元/亩)", "Revenue per mu (CNY 10k)");
    public static string PerMuClasses(int rated) => P($"参评 {rated} 家", $"{rated} rated");
    public static string PerMuClassName(PerMuClass c) => c == PerMuClass.T ? P("T 不参评", "T not rated") : c.ToString();
    public static string AheadOfYear => P("快于时间进度", "Ahead of the year");
    public static string ForeignPledgedUsed => P("协议外资 / 实际使用外资", "Foreign capital pledged / used");
    public static string TaxRealisedToDate => P("累计税收(已核实)", "Tax paid to date (verified)");
    public static string OutputRealisedToDate => P("累计工业总产值(已核实)", "Industrial output to date (verified)");
}
