namespace KunshanInvest.Domain.Projects;

/// <summary>The 六未 a bureau tracks: a project that has sat in one stage too long.</summary>
public enum StalledKind
{
    /// <summary>签约未注册.</summary>
    SignedNotRegistered = 0,

    /// <summary>注册未供地.</summary>
    RegisteredNotLand = 1,

    /// <summary>供地未开工.</summary>
    LandNotStarted = 2,

    /// <summary>开工未投产.</summary>
    StartedNotOperating = 3,

    /// <summary>投产未上规.</summary>
    OperatingNotAboveScale = 4,

    /// <summary>上规未达产.</summary>
    AboveScaleNotAtCapacity = 5,
}

/// <summary>Days a project may stay in each stage before it counts as stalled (configurable; defaults are common practice).</summary>
public sealed record StalledLimits
{
    public int SignedDays { get; init; } = 90;
    public int RegisteredDays { get; init; } = 180;
    public int LandSecuredDays { get; init; } = 180;
    public int UnderConstructionDays { get; init; } = 365;
    public int OperatingDays { get; init; } = 365;
    public int AboveScaleDays { get; init; } = 730;

    public int? DaysFor(ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => SignedDays,
        ProjectStage.Registered => RegisteredDays,
        ProjectStage.LandSecured => LandSecuredDays,
        ProjectStage.UnderConstruction => UnderConstructionDays,
        ProjectStage.Operating => OperatingDays,
        ProjectStage.AboveScale => AboveScaleDays,
        _ => null,
    };

    public static StalledKind? KindFor(ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => StalledKind.SignedNotRegistered,
        ProjectStage.Registered => StalledKind.RegisteredNotLand,
        ProjectStage.LandSecured => StalledKind.LandNotStarted,
        ProjectStage.UnderConstruction => StalledKind.StartedNotOperating,
        ProjectStage.Operating => StalledKind.OperatingNotAboveScale,
        ProjectStage.AboveScale => StalledKind.AboveScaleNotAtCapacity,
        _ => null,
    };

    /// <summary>Whether a project in <paramref name="stage"/> since <paramref name="enteredAtUtc"/> is stalled at <paramref name="nowUtc"/>.</summary>
    public bool IsStalled(ProjectStage stage, DateTime enteredAtUtc, DateTime nowUtc) =>
        DaysFor(stage) is { } days && enteredAtUtc < nowUtc.AddDays(-days);
}
