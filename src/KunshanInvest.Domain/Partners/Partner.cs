using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Partners;

/// <summary>Who a partner is; the reward rate for first reports is configured per type.</summary>
public enum PartnerType
{
    /// <summary>中介机构</summary>
    Intermediary = 0,

    /// <summary>商会</summary>
    ChamberOfCommerce = 1,

    /// <summary>驻外招商点</summary>
    OverseasOffice = 2,

    /// <summary>以商引商: an enterprise in the zone referring a peer.</summary>
    ReferringEnterprise = 3,
}

public enum PartnerStatus
{
    /// <summary>Registered, awaiting an administrator: may sign in to see that, may not submit.</summary>
    Pending = 0,
    Approved = 1,

    /// <summary>Cannot sign in; open sessions lose every role on their next request.</summary>
    Suspended = 2,
}

/// <summary>A partner organisation outside the bureau (中介机构、商会、驻外招商点、以商引商企业). Its members see only its own records.</summary>
public sealed class Partner : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int CountryLength = 2;
    public const int NoteMaxLength = 1000;

    private Partner() { }

    public Partner(string nameZh, string? nameEn, PartnerType type, string country, DateTime nowUtc)
    {
        NameZh = nameZh.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim();
        Type = type;
        Country = country;
        Status = PartnerStatus.Pending;
        RegisteredAtUtc = nowUtc;
    }

    public string NameZh { get; private set; } = "";
    public string? NameEn { get; private set; }
    public PartnerType Type { get; private set; }
    public string Country { get; private set; } = "CN";
    public PartnerStatus Status { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public DateTime? SuspendedAtUtc { get; private set; }
    public string? StatusNote { get; private set; }
    public bool IsDemo { get; private set; }

    public string DisplayName => NameEn is null ? NameZh : $"{NameZh} ({NameEn})";

    /// <summary>When an administrator confirmed <see cref="Type"/> (the registrant's choice is only a suggestion until then).</summary>
    public DateTime? TypeConfirmedAtUtc { get; private set; }

    /// <summary>Reward payouts approved so far, fen. Approving a payout changes it, so two approvals for one partner conflict.</summary>
    public long ApprovedPayoutsFen { get; private set; }

    /// <summary>
    /// Approves a pending partner, or reinstates a suspended one, with the type the administrator confirms: the
    /// type sets the reward rate (PortalOptions.RewardRates).
    /// </summary>
    public void Approve(PartnerType confirmedType, DateTime nowUtc)
    {
        if (!Enum.IsDefined(confirmedType))
        {
            throw new DomainRuleException("partner.type", $"Unknown partner type {(int)confirmedType}.");
        }

        Approve(nowUtc);
        Type = confirmedType;
        TypeConfirmedAtUtc = nowUtc;
    }

    /// <summary>Approves a pending partner, or reinstates a suspended one, keeping its type (seed and tests).</summary>
    public void Approve(DateTime nowUtc)
    {
        if (Status == PartnerStatus.Approved)
        {
            throw new DomainRuleException("partner.alreadyApproved", "The partner is already approved.");
        }

        Status = PartnerStatus.Approved;
        ApprovedAtUtc ??= nowUtc;
        SuspendedAtUtc = null;
        StatusNote = null;
    }

    public void Suspend(string? note, DateTime nowUtc)
    {
        if (Status == PartnerStatus.Suspended)
        {
            throw new DomainRuleException("partner.alreadySuspended", "The partner is already suspended.");
        }

        Status = PartnerStatus.Suspended;
        SuspendedAtUtc = nowUtc;
        StatusNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void MarkDemo() => IsDemo = true;

    /// <summary>A manager approved a payout of <paramref name="amountFen"/> to this partner.</summary>
    public void RecordPayoutApproved(long amountFen) => ApprovedPayoutsFen = checked(ApprovedPayoutsFen + amountFen);
}

/// <summary>A user account's organisation. One organisation per account; the founding member may add colleagues.</summary>
public sealed class PartnerMember : Entity
{
    private PartnerMember() { }

    public PartnerMember(Guid partnerId, Guid userId, bool isFounder, DateTime nowUtc)
    {
        PartnerId = partnerId;
        UserId = userId;
        IsFounder = isFounder;
        JoinedAtUtc = nowUtc;
    }

    public Guid PartnerId { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The first user, who registered the organisation: may add colleagues.</summary>
    public bool IsFounder { get; private set; }

    public DateTime JoinedAtUtc { get; private set; }
}
