using KunshanInvest.Domain.Reports;

namespace KunshanInvest.Application.Reports;

/// <summary>
/// 亩均 class cut-offs (cumulative shares from the top), configurable per year because each year's evaluation notice
/// sets its own: <c>PerMu:A</c>, <c>PerMu:B</c>, <c>PerMu:C</c> for every year, <c>PerMu:Years:2025:A</c> … for one.
/// </summary>
public sealed class PerMuOptions
{
    public const string Section = "PerMu";

    public double A { get; set; } = PerMuThresholds.Default.A;
    public double B { get; set; } = PerMuThresholds.Default.B;
    public double C { get; set; } = PerMuThresholds.Default.C;

    public Dictionary<int, PerMuCutoffs> Years { get; set; } = [];

    public PerMuThresholds For(int year) =>
        Years.TryGetValue(year, out var y) ? new PerMuThresholds(y.A, y.B, y.C) : new PerMuThresholds(A, B, C);

    public bool IsValid => new PerMuThresholds(A, B, C).IsValid && Years.Values.All(y => new PerMuThresholds(y.A, y.B, y.C).IsValid);
}

public sealed class PerMuCutoffs
{
    public double A { get; set; } = PerMuThresholds.Default.A;
    public double B { get; set; } = PerMuThresholds.Default.B;
    public double C { get; set; } = PerMuThresholds.Default.C;
}
