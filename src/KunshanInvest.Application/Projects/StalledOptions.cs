using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Application.Projects;

/// <summary>The <c>Stalled</c> configuration section: days per stage before a project counts as 六未.</summary>
public sealed class StalledOptions
{
    public const string Section = "Stalled";

    public int SignedDays { get; set; } = 90;
    public int RegisteredDays { get; set; } = 180;
    public int LandSecuredDays { get; set; } = 180;
    public int UnderConstructionDays { get; set; } = 365;
    public int OperatingDays { get; set; } = 365;
    public int AboveScaleDays { get; set; } = 730;

    /// <summary>Days without any recorded activity before a live project counts as stale.</summary>
    public int StaleActivityDays { get; set; } = 60;

    public StalledLimits ToLimits() => new()
    {
        SignedDays = SignedDays,
        RegisteredDays = RegisteredDays,
        LandSecuredDays = LandSecuredDays,
        UnderConstructionDays = UnderConstructionDays,
        OperatingDays = OperatingDays,
        AboveScaleDays = AboveScaleDays,
    };
}
