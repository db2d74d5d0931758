using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Events.UpdateEvent;

/// <summary>Edits an event: the whole editable set, with the version last read (If-Match).</summary>
[AuthorizeRequest(Roles = $"{Roles.Admin},{Roles.Manager}")]
public sealed record UpdateEvent(
    Guid Id,
    int ExpectedVersion,
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

public sealed class UpdateEventValidator : AbstractValidator<UpdateEvent>
{
    public UpdateEventValidator() => this.AddEventFieldRules();
}

public sealed class UpdateEventHandler(IAppDbContext db) : ICommandHandler<UpdateEvent, EventDetail>
{
    public async ValueTask<EventDetail> Handle(UpdateEvent command, CancellationToken cancellationToken)
    {
        var promotion = await db.Events.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Event", command.Id);
        try
        {
            db.ExpectVersion(promotion, command.ExpectedVersion);
            command.ApplyTo(promotion);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The context may outlive this command (a Blazor circuit): a refused edit must not ride along with the next save.
            db.Events.Entry(promotion).State = EntityState.Detached;
            throw;
        }

        return EventDetail.From(promotion);
    }
}
