using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Enterprises;

/// <summary>What kind of other name an enterprise goes by. Numbered for SQL; never renumber.</summary>
public enum AliasKind
{
    /// <summary>品牌: the brand it trades under (瑞幸咖啡).</summary>
    Brand = 0,

    /// <summary>简称: the short name officers use (友达).</summary>
    Abbreviation = 1,

    /// <summary>曾用名: a name it had before.</summary>
    Former = 2,

    /// <summary>英文名: an English name besides the one on the record (AUO).</summary>
    English = 3,
}

public static class AliasKinds
{
    public static string ZhName(this AliasKind kind) => kind switch
    {
        AliasKind.Brand => "品牌",
        AliasKind.Abbreviation => "简称",
        AliasKind.Former => "曾用名",
        AliasKind.English => "英文名",
        _ => kind.ToString(),
    };
}

/// <summary>
/// 别名: another name an enterprise is known by — 友达光电 is also AUO. Duplicate checks, search and the ledger import
/// match on <see cref="Key"/> (<see cref="EnterpriseName.Key"/>) as they match the enterprise's own names.
/// </summary>
public sealed class EnterpriseAlias : AggregateRoot
{
    public const int TextMaxLength = Enterprise.NameMaxLength;

    private EnterpriseAlias() { }

    public EnterpriseAlias(Guid enterpriseId, string text, AliasKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("alias.kind", $"Unknown alias kind {(int)kind}.");
        }

        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > TextMaxLength)
        {
            throw new DomainRuleException("alias.text", $"An alias needs 1 to {TextMaxLength} characters.");
        }

        var key = EnterpriseName.Key(trimmed);
        if (key.Length == 0)
        {
            throw new DomainRuleException("alias.text", "An alias needs letters or digits.");
        }

        EnterpriseId = enterpriseId;
        Text = trimmed;
        Kind = kind;
        Key = key;
    }

    public Guid EnterpriseId { get; private set; }
    public string Text { get; private set; } = "";
    public AliasKind Kind { get; private set; }

    /// <summary>The text reduced as names are (<see cref="EnterpriseName.Key"/>).</summary>
    public string Key { get; private set; } = "";

    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;
}
