namespace KunshanInvest.Web.Text;

/// <summary>The project's flags (停滞, 六未 escalation), reassignment (项目转交) and the funnel matrix.</summary>
public static partial class T
{
    public static string StaleSince(DateTime utc) => P($"停滞 自 {Times.Day(utc)}", $"Stale since {Times.Day(utc)}");
    public static string StaleHint => P("停滞:超过规定天数没有任何走访、电话或记录,系统已提醒负责人。有新的跟进记录后标记自动消失。",
        "Stale: no visit, call or note for longer than the sector's days; the owner was told. The flag clears with the next recorded activity.");
    public static string EscalationChip(int level) => P($"六未 {level} 级", $"六未 level {level}");
    public static string EscalationHint(int level) => level switch
    {
        1 => P("1 级:项目在本阶段停留超过时限(六未),已提醒负责人。", "Level 1: the project stayed in its stage past the limit (六未); the owner was told."),
        2 => P("2 级:提醒后仍未推进,已抄送全体招商科长。", "Level 2: still not moving after the reminder; every manager was copied."),
        _ => P("3 级:长期未推进,已建议科长将项目转交其他专员。", "Level 3: stalled for long; the managers were asked to reassign the project."),
    };
    public static string EscalatedOnly => P("仅六未升级", "Escalated only");

    public static string ReassignProject => P("转交项目", "Reassign project");
    public static string ReassignTitle => P("将项目转交其他专员", "Give the project to another officer");
    public static string ReassignOwner => P("新负责人", "New owner");
    public static string ReassignReason => P("转交理由", "Reason");
    public static string ReassignConfirm => P("确认转交", "Reassign");
    public static string ReassignFollowUps(int n) => P($"原负责人在本项目上未完成的 {n} 项跟进任务将一并转给新负责人。", $"The old owner's {n} open follow-up(s) on this project move to the new owner.");
    public static string ReassignDone(string name) => P($"项目已转交给 {name}。", $"The project now belongs to {name}.");
    public static string ReassignLoad(int n) => P($"{n} 个在办项目", $"{n} live projects");
    public static string ProposalTitle(int level, DateTime since) => P($"六未 {level} 级:自 {Times.Day(since)} 起建议转交本项目", $"六未 level {level}: reassignment proposed since {Times.Day(since)}");
    public static string ProposalSuggested(string name) => P($"建议转交给 {name}(在办项目最少的专员)。", $"Suggested: {name} (the officer with the fewest live projects).");
    public static string ProposalNoSuggestion => P("没有可建议的其他专员,请选择。", "No other officer to suggest: choose one.");
    public static string AcceptProposal => P("接受建议并转交", "Accept and reassign");
    public static string ChooseAnother => P("选择其他人", "Choose another");
    public static string ProposalReason(int level) => P($"接受六未 {level} 级转交建议", $"Accepted the 六未 level {level} reassignment proposal");
    public static string Reassignments => P("转交记录", "Reassignments");
    public static string ReassignmentLine(DateTime at, string? from, string? to, string? by, string reason) =>
        P($"{Times.Day(at)} {from} → {to}(经办:{by}):{reason}", $"{Times.Day(at)} {from} → {to} (by {by}): {reason}");

    public static string FunnelMatrix => P("漏斗矩阵(产业链 × 阶段)", "Funnel matrix (sector × stage)");
    public static string FunnelMatrixHint => P("当前在办项目数,格中小字为协议投资额;点击格子查看项目清单。", "Live projects now; the small figure is the pledged investment. Click a cell for the projects.");
    public static string FunnelMatrixEmpty => P("当前筛选下没有在办项目。", "No live projects under this filter.");
    public static string NoSector => P("(未分配产业链)", "(no sector)");
    public static string MatrixCell(string sector, string stage, int n) => P($"{sector} · {stage}:{n} 个项目", $"{sector} · {stage}: {n} projects");

    public static string ReconnectLost => P("网络连接中断,正在重新连接……", "The connection was lost. Reconnecting…");
    public static string ReconnectRetrying => P("重新连接未成功,稍后再试:", "Could not reconnect yet; trying again in (seconds):");
    public static string ReconnectFailed => P("无法重新连接服务器。", "Could not reconnect to the server.");
    public static string ReconnectKept => P("已填写的内容会保留,恢复连接后可继续。", "What you typed is kept; carry on once the connection is back.");
    public static string ReconnectRetry => P("重试", "Retry");
    public static string ReconnectReload => P("重新加载", "Reload");
}
