namespace KunshanInvest.Application.Reports.Targets;

internal static class TargetRules
{
    public const string YearMessage = "年度须在 2000–2100 之间 / The year must lie between 2000 and 2100.";
    public const string ValueMessage = "目标值须为 0 至 10 万亿(分)之间的整数 / A target is a whole number from 0 up to 10 trillion (minor units).";
}
