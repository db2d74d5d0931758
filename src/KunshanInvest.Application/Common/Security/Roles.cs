namespace KunshanInvest.Application.Common.Security;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Manager = nameof(Manager);
    public const string Officer = nameof(Officer);
    public const string Partner = nameof(Partner);
    public const string Auditor = nameof(Auditor);

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Officer, Partner, Auditor];

    /// <summary>Bureau staff: everyone inside the bureau who works projects.</summary>
    public const string Staff = $"{Admin},{Manager},{Officer}";
}
