namespace KunshanInvest.Application.Auditing;

/// <summary>The <c>Audit</c> configuration section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>等保 L3 keeps audit records at least six months: no entry younger than this is ever purged.</summary>
    public const int MinimumRetentionDays = 184;

    /// <summary>Days an entry is kept before the retention job may purge it; refused at start-up below <see cref="MinimumRetentionDays"/>.</summary>
    public int RetentionDays { get; set; } = 400;
}
