using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Events.CreateEvent;

/// <summary>A new 招商活动 with its announced figures (managers and admins).</summary>
[AuthorizeRequest(Roles = $"{Roles.Admin},{Roles.Manager}")]
public sealed record CreateEvent(
    string Code,
    string NameZh,
    string NameEn,
    EventKind Kind,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? Place = null,
    string? Organiser = null,
    string? Note = null,
    int? AnnouncedProjects = null,
    long? AnnouncedInvestmentFen = null) : ICommand<EventDetail>, IEventFields;

public sealed class CreateEventValidator : AbstractValidator<CreateEvent>
{
    public CreateEventValidator()
    {
        RuleFor(x => x.Code).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(PromotionEvent.CodeMaxLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9-]*$")
            .WithMessage("代码只用字母、数字和连字符,如 coffee-conf-2026 / The code holds letters, digits and hyphens, e.g. coffee-conf-2026.");
        this.AddEventFieldRules();
    }
}

public sealed class CreateEventHandler(IAppDbContext db) : ICommandHandler<CreateEvent, EventDetail>
{
    public async ValueTask<EventDetail> Handle(CreateEvent command, CancellationToken cancellationToken)
    {
        var code = command.Code.Trim();
        if (await db.Events.AnyAsync(e => e.Code == code, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("code", "该活动代码已被使用 / Another event has this code.")]);
        }

        var promotion = new PromotionEvent(code, command.NameZh.Trim(), command.NameEn.Trim(), command.Kind, command.StartsOn, command.EndsOn);
        command.ApplyTo(promotion);
        db.Events.Add(promotion);
        await db.SaveChangesAsync(cancellationToken);
        return EventDetail.From(promotion);
    }
}
