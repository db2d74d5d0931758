using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Services;

/// <summary>
/// 办理部门: a department enterprise service requests are routed to (人社局, 供电所, 行政审批局 …), with its head (who
/// receives escalations) and its handling users (<see cref="DepartmentMember"/>). Admin-managed.
/// </summary>
public sealed class Department : AggregateRoot
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    private Department() { }

    public Department(string code, string nameZh, string nameEn)
    {
        Code = code;
        Rename(nameZh, nameEn);
        IsActive = true;
    }

    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>部门负责人: receives the overdue escalations; a user of the department's members or a manager.</summary>
    public Guid? HeadUserId { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
    }

    public void SetHead(Guid? userId) => HeadUserId = userId;

    public void Activate(bool active) => IsActive = active;
}

/// <summary>A handling user of a department: sees and works that department's requests (ADR 0031).</summary>
public sealed class DepartmentMember : Entity
{
    private DepartmentMember() { }

    public DepartmentMember(Guid departmentId, Guid userId)
    {
        DepartmentId = departmentId;
        UserId = userId;
    }

    public Guid DepartmentId { get; private set; }
    public Guid UserId { get; private set; }
}
