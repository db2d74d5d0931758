using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Enterprises;

public enum Ownership
{
    Domestic = 0,
    Foreign = 1,
    HongKongMacaoTaiwan = 2,
}

public static class Ownerships
{
    /// <summary>The ownership a country of origin implies: CN domestic, Hong Kong / Macao / Taiwan their own class, others foreign.</summary>
    public static Ownership OfCountry(string country) => country switch
    {
        "CN" => Ownership.Domestic,
        "HK" or "MO" or "TW" => Ownership.HongKongMacaoTaiwan,
        _ => Ownership.Foreign,
    };
}

/// <summary>企业: a company the bureau courts, whether or not it is registered in China yet.</summary>
public sealed class Enterprise : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int CountryLength = 2;
    public const int WebsiteMaxLength = 300;
    public const int NoteMaxLength = 2000;

    private Enterprise() { }

    public Enterprise(string? nameZh, string? nameEn, string country, Ownership ownership)
    {
        Rename(nameZh, nameEn);
        Country = country;
        Ownership = ownership;
    }

    public string? NameZh { get; private set; }
    public string? NameEn { get; private set; }

    /// <summary>Names reduced for duplicate detection (see <see cref="EnterpriseName"/>).</summary>
    public string? NameZhKey { get; private set; }
    public string? NameEnKey { get; private set; }

    /// <summary>Optional: enterprises not yet registered in China have none.</summary>
    public string? CreditCode { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 country/region of origin.</summary>
    public string Country { get; private set; } = "CN";
    public Ownership Ownership { get; private set; }
    public bool IsFortune500 { get; private set; }
    public bool IsListed { get; private set; }
    public string? Website { get; private set; }
    public string? Note { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>统计类型: which 上规 threshold applies once the enterprise enters the statistics register.</summary>
    public StatisticsType StatisticsType { get; private set; }

    /// <summary>挂钩服务专员: the bureau user who looks after the enterprise once it has landed (service requests' return visits).</summary>
    public Guid? ServiceOfficerId { get; private set; }

    /// <summary>Set when this record was merged into another; it then only keeps the history.</summary>
    public Guid? MergedIntoId { get; private set; }

    public string DisplayName => NameZh ?? NameEn ?? "";

    public void Rename(string? nameZh, string? nameEn)
    {
        if (string.IsNullOrWhiteSpace(nameZh) && string.IsNullOrWhiteSpace(nameEn))
        {
            throw new DomainRuleException("enterprise.name", "An enterprise needs a Chinese or an English name.");
        }

        NameZh = string.IsNullOrWhiteSpace(nameZh) ? null : nameZh.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim();
        NameZhKey = NameZh is null ? null : EnterpriseName.Key(NameZh);
        NameEnKey = NameEn is null ? null : EnterpriseName.Key(NameEn);
    }

    public void AssignServiceOfficer(Guid? userId) => ServiceOfficerId = userId;

    public void SetCreditCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            CreditCode = null;
            return;
        }

        var normalized = Enterprises.CreditCode.Normalize(code);
        if (!Enterprises.CreditCode.IsValid(normalized))
        {
            throw new DomainRuleException("enterprise.creditCode", $"'{code}' is not a valid unified social credit code.");
        }

        CreditCode = normalized;
    }

    public void Describe(bool fortune500, bool listed, string? website, string? note)
    {
        IsFortune500 = fortune500;
        IsListed = listed;
        Website = website;
        Note = note;
    }

    public void MarkDemo() => IsDemo = true;

    public void Classify(StatisticsType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainRuleException("enterprise.statistics_type", $"Unknown statistics type {(int)type}.");
        }

        StatisticsType = type;
    }

    public void SetOrigin(string country, Ownership ownership)
    {
        Country = country;
        Ownership = ownership;
    }

    /// <summary>Retires this duplicate in favour of <paramref name="survivor"/>; its credit code moves over if the survivor has none.</summary>
    public void MergeInto(Enterprise survivor)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        if (survivor.Id == Id)
        {
            throw new DomainRuleException("enterprise.merge", "An enterprise cannot be merged into itself.");
        }

        if (MergedIntoId is not null || survivor.MergedIntoId is not null)
        {
            throw new DomainRuleException("enterprise.merge", "A merged enterprise cannot take part in another merge.");
        }

        if (CreditCode is not null && survivor.CreditCode is not null && CreditCode != survivor.CreditCode)
        {
            throw new DomainRuleException("enterprise.merge", "The two enterprises have different credit codes: they are different companies.");
        }

        var code = CreditCode;
        CreditCode = null;
        survivor.CreditCode ??= code;
        survivor.NameZh ??= NameZh;
        survivor.NameEn ??= NameEn;
        survivor.NameZhKey ??= NameZhKey;
        survivor.NameEnKey ??= NameEnKey;
        MergedIntoId = survivor.Id;
    }
}
