using FluentValidation;
using KunshanInvest.Domain.Events;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Events;

public sealed record EventListItem(
    Guid Id,
    string Code,
    string NameZh,
    string NameEn,
    EventKind Kind,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? Place,
    int? AnnouncedProjects,
    long? AnnouncedInvestmentFen,
    int RecordedSignings);

public sealed record EventDetail(
    Guid Id,
    string Code,
    string NameZh,
    string NameEn,
    EventKind Kind,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? Place,
    string? Organiser,
    string? Note,
    int? AnnouncedProjects,
    long? AnnouncedInvestmentFen,
    int Version)
{
    internal static EventDetail From(PromotionEvent e) =>
        new(e.Id, e.Code, e.NameZh, e.NameEn, e.Kind, e.StartsOn, e.EndsOn, e.Place, e.Organiser, e.Note, e.AnnouncedProjects, e.AnnouncedInvestmentFen, e.Version);
}

/// <summary>What a manager types for an event; shared by <c>CreateEvent</c> and <c>UpdateEvent</c>.</summary>
public interface IEventFields
{
    string NameZh { get; }
    string NameEn { get; }
    EventKind Kind { get; }
    DateOnly StartsOn { get; }
    DateOnly EndsOn { get; }
    string? Place { get; }
    string? Organiser { get; }
    string? Note { get; }
    int? AnnouncedProjects { get; }

    /// <summary>CNY fen.</summary>
    long? AnnouncedInvestmentFen { get; }
}

internal static class EventFields
{
    /// <summary>CNY 10 trillion in fen, as for a project's money (see <c>MoneyValidator</c>).</summary>
    private const long MaxFen = 1_000_000_000_000_000;

    public static void AddEventFieldRules<T>(this AbstractValidator<T> validator)
        where T : IEventFields
    {
        validator.RuleFor(x => x.NameZh).NotEmpty().WithMsg(M.EventNameZh).MaximumLength(PromotionEvent.NameMaxLength);
        validator.RuleFor(x => x.NameEn).NotEmpty().WithMsg(M.EventNameEn).MaximumLength(PromotionEvent.NameMaxLength);
        validator.RuleFor(x => x.Kind).IsInEnum();
        validator.RuleFor(x => x.StartsOn).NotEmpty().WithMsg(M.EventStart);
        validator.RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn)
            .WithMsg(M.EventEndsBeforeStart);
        validator.RuleFor(x => x.Place).MaximumLength(PromotionEvent.TextMaxLength);
        validator.RuleFor(x => x.Organiser).MaximumLength(PromotionEvent.TextMaxLength);
        validator.RuleFor(x => x.Note).MaximumLength(PromotionEvent.TextMaxLength);
        validator.RuleFor(x => x.AnnouncedProjects).InclusiveBetween(0, 100_000)
            .WithMsg(M.EventAnnouncedProjects);
        validator.RuleFor(x => x.AnnouncedInvestmentFen).InclusiveBetween(0, MaxFen)
            .WithMsg(M.EventAnnouncedInvestment);
    }

    public static void ApplyTo(this IEventFields fields, PromotionEvent promotion)
    {
        promotion.Edit(fields.NameZh.Trim(), fields.NameEn.Trim(), fields.Kind, fields.StartsOn, fields.EndsOn);
        promotion.Describe(Blank(fields.Place), Blank(fields.Organiser), Blank(fields.Note));
        promotion.Announce(fields.AnnouncedProjects, fields.AnnouncedInvestmentFen);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
