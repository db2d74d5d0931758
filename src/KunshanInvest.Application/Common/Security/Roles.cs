namespace KunshanInvest.Application.Common.Security;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Manager = nameof(Manager);
    public const string Officer = nameof(Officer);
    public const string Partner = nameof(Partner);
    public const string Auditor = nameof(Auditor);

    /// <summary>
    /// 部门办理人员: a handling user of a department enterprise service requests are routed to (人社, 供电, 审批 …). Sees and
    /// works only the requests of the departments they belong to; nothing of the pipeline (ADR 0031).
    /// </summary>
    public const string Department = nameof(Department);

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Officer, Partner, Auditor, Department];

    /// <summary>Bureau staff: everyone inside the bureau who works projects.</summary>
    public const string Staff = $"{Admin},{Manager},{Officer}";
}
