using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Events;

public enum EventKind
{
    Conference = 0,
    Expo = 1,
    Roadshow = 2,
    Ceremony = 3,
}

/// <summary>招商活动: a conference, expo or ceremony, with the figures announced at it.</summary>
public sealed class PromotionEvent : AggregateRoot
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 1000;

    private PromotionEvent() { }

    public PromotionEvent(string code, string nameZh, string nameEn, EventKind kind, DateOnly startsOn, DateOnly endsOn)
    {
        Code = code;
        Edit(nameZh, nameEn, kind, startsOn, endsOn);
    }

    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public EventKind Kind { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string? Place { get; private set; }
    public string? Organiser { get; private set; }
    public string? Note { get; private set; }
    public int? AnnouncedProjects { get; private set; }

    /// <summary>Announced total investment, CNY fen.</summary>
    public long? AnnouncedInvestmentFen { get; private set; }

    /// <summary>Renames or reschedules the event; its code stays, since seeds and links name it.</summary>
    public void Edit(string nameZh, string nameEn, EventKind kind, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            throw new DomainRuleException("event.dates", "An event cannot end before it starts.");
        }

        NameZh = nameZh;
        NameEn = nameEn;
        Kind = kind;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public void Describe(string? place, string? organiser, string? note)
    {
        Place = place;
        Organiser = organiser;
        Note = note;
    }

    public void Announce(int? projects, long? investmentFen)
    {
        AnnouncedProjects = projects;
        AnnouncedInvestmentFen = investmentFen;
    }
}
