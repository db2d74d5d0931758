using KunshanInvest.Domain.Common;

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

    public void Deactivate() => IsActive = false;
}
