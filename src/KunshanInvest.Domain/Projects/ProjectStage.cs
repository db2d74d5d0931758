namespace KunshanInvest.Domain.Projects;

/// <summary>
/// The Chinese pipeline: 线索 → 接洽 → 洽谈 → 签约 → 注册 → 供地 → 开工 → 投产 → 上规 → 达产, plus the side
/// states 搁置 (resumable) and 流失. Pipeline stages are numbered in order so SQL can compare them.
/// </summary>
public enum ProjectStage
{
    Lead = 0,
    Contacted = 1,
    Negotiating = 2,
    Signed = 3,
    Registered = 4,
    LandSecured = 5,
    UnderConstruction = 6,
    Operating = 7,
    AboveScale = 8,
    AtCapacity = 9,
    OnHold = 20,
    Lost = 21,
}

public static class ProjectStages
{
    public static IReadOnlyList<ProjectStage> Pipeline { get; } =
    [
        ProjectStage.Lead, ProjectStage.Contacted, ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Registered,
        ProjectStage.LandSecured, ProjectStage.UnderConstruction, ProjectStage.Operating, ProjectStage.AboveScale, ProjectStage.AtCapacity,
    ];

    public static bool IsPipeline(this ProjectStage stage) => stage <= ProjectStage.AtCapacity;

    public static bool IsSideState(this ProjectStage stage) => stage is ProjectStage.OnHold or ProjectStage.Lost;

    public static string ZhName(this ProjectStage stage) => stage switch
    {
        ProjectStage.Lead => "线索",
        ProjectStage.Contacted => "接洽",
        ProjectStage.Negotiating => "洽谈",
        ProjectStage.Signed => "签约",
        ProjectStage.Registered => "注册",
        ProjectStage.LandSecured => "供地",
        ProjectStage.UnderConstruction => "开工",
        ProjectStage.Operating => "投产",
        ProjectStage.AboveScale => "上规",
        ProjectStage.AtCapacity => "达产",
        ProjectStage.OnHold => "搁置",
        ProjectStage.Lost => "流失",
        _ => stage.ToString(),
    };
}
