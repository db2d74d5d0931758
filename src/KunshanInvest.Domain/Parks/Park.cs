using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Parks;

/// <summary>载体: a park or carrier where a project lands.</summary>
public sealed class Park : AggregateRoot
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    private Park() { }

    public Park(string code, string nameZh, string nameEn, string? description)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Description = description;
    }

    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? Description { get; private set; }

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public void Describe(string? description) => Description = description;
}
