using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;

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
            .WithMsg(M.EventCodeFormat);
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
            throw FieldError.Invalid("code", M.EventCodeTaken);
        }

        var promotion = new PromotionEvent(code, command.NameZh.Trim(), command.NameEn.Trim(), command.Kind, command.StartsOn, command.EndsOn);
        command.ApplyTo(promotion);
        db.Events.Add(promotion);
        await db.SaveChangesAsync(cancellationToken);
        return EventDetail.From(promotion);
    }
}
