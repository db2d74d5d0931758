using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Services;

/// <summary>诉求类别: what a landed enterprise asks for (用工, 用电用水用气, 审批许可 …), with the days the bureau gives itself to close it. Admin-managed.</summary>
public sealed class ServiceCategory : AggregateRoot
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int MaxDeadlineDays = 365;

    private ServiceCategory() { }

    public ServiceCategory(string code, string nameZh, string nameEn, int deadlineDays)
    {
        Code = code;
        Rename(nameZh, nameEn);
        SetDeadlineDays(deadlineDays);
        IsActive = true;
    }

    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>Calendar days from 受理 to the deadline.</summary>
    public int DeadlineDays { get; private set; }

    /// <summary>Retired categories keep their requests but take no new ones.</summary>
    public bool IsActive { get; private set; }

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
    }

    public void SetDeadlineDays(int days)
    {
        if (days is < 1 or > MaxDeadlineDays)
        {
            throw new DomainRuleException("service.deadline_days", $"A category's deadline is 1 to {MaxDeadlineDays} days.");
        }

        DeadlineDays = days;
    }

    public void Activate(bool active) => IsActive = active;
}
