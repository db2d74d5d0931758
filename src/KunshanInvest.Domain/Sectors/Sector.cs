using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Sectors;

/// <summary>产业链: an industry chain the bureau attracts investment for.</summary>
public sealed class Sector : AggregateRoot
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    private Sector() { }

    public Sector(string code, string nameZh, string nameEn)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        IsActive = true;
    }

    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? DescriptionZh { get; private set; }
    public string? DescriptionEn { get; private set; }
    public Guid? LeadOfficerId { get; private set; }
    public bool IsActive { get; private set; }

    // 六未 limits of this sector in days; null = the configured default (StalledOptions).
    public int? SignedDays { get; private set; }
    public int? RegisteredDays { get; private set; }
    public int? LandSecuredDays { get; private set; }
    public int? UnderConstructionDays { get; private set; }
    public int? OperatingDays { get; private set; }
    public int? AboveScaleDays { get; private set; }

    /// <summary>Days without any activity before a live project of this sector counts as stale; null = the default.</summary>
    public int? StaleActivityDays { get; private set; }

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public void Describe(string? zh, string? en)
    {
        DescriptionZh = zh;
        DescriptionEn = en;
    }

    public void AssignLeadOfficer(Guid? officerId) => LeadOfficerId = officerId;

    /// <summary>A deactivated sector keeps its projects, history and reports but takes no new leads.</summary>
    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>Sets this sector's own limits; a null keeps the configured default for that stage.</summary>
    public void SetLimits(SectorLimits limits)
    {
        SignedDays = limits.SignedDays;
        RegisteredDays = limits.RegisteredDays;
        LandSecuredDays = limits.LandSecuredDays;
        UnderConstructionDays = limits.UnderConstructionDays;
        OperatingDays = limits.OperatingDays;
        AboveScaleDays = limits.AboveScaleDays;
        StaleActivityDays = limits.StaleActivityDays;
    }

    public SectorLimits Limits => new(SignedDays, RegisteredDays, LandSecuredDays, UnderConstructionDays, OperatingDays, AboveScaleDays, StaleActivityDays);
}

/// <summary>A sector's own 六未 and stale-activity limits in days; null = the configured default.</summary>
public sealed record SectorLimits(
    int? SignedDays = null,
    int? RegisteredDays = null,
    int? LandSecuredDays = null,
    int? UnderConstructionDays = null,
    int? OperatingDays = null,
    int? AboveScaleDays = null,
    int? StaleActivityDays = null)
{
    /// <summary>Longest limit an admin may set: ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>The 六未 limits in force: this sector's where set, <paramref name="defaults"/> elsewhere.</summary>
    public StalledLimits Over(StalledLimits defaults) => new()
    {
        SignedDays = SignedDays ?? defaults.SignedDays,
        RegisteredDays = RegisteredDays ?? defaults.RegisteredDays,
        LandSecuredDays = LandSecuredDays ?? defaults.LandSecuredDays,
        UnderConstructionDays = UnderConstructionDays ?? defaults.UnderConstructionDays,
        OperatingDays = OperatingDays ?? defaults.OperatingDays,
        AboveScaleDays = AboveScaleDays ?? defaults.AboveScaleDays,
    };
}
