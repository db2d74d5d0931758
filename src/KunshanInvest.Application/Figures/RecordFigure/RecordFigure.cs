using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Figures;
using Mediator;

namespace KunshanInvest.Application.Figures.RecordFigure;

/// <summary>
/// 填报实绩: the project's owner (or a manager) records a month's figure, with its evidence. Money is converted to the
/// kind's unit at the rate of the period's year; the entry waits for a manager who did not enter it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record RecordFigure(
    Guid ProjectId,
    FigureKind Kind,
    int Period,
    long Amount,
    string? Currency,
    long? ForeignPart,
    string? Note,
    EvidenceType? EvidenceType = null,
    UploadedFile? Evidence = null) : ICommand<FigureRecorded>, IFigureInput;

/// <summary>The new entry: its id, its value in the kind's unit, and its version for the checker's If-Match.</summary>
public sealed record FigureRecorded(Guid Id, FigureStatus Status, long Value, int Version);

public sealed class RecordFigureValidator : AbstractValidator<RecordFigure>
{
    public RecordFigureValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Period).Must(FigurePeriod.IsWellFormed).WithMsg(M.FigurePeriodFormat);
        RuleFor(x => x.Currency).NotEmpty().When(x => x.Kind.IsMoney()).WithMsg(M.FigureCurrencyNeeded);
        RuleFor(x => x.Currency).Null().When(x => Enum.IsDefined(x.Kind) && !x.Kind.IsMoney()).WithMsg(M.FigureNoCurrency);
        RuleFor(x => x.ForeignPart).Null().When(x => x.Kind != FigureKind.FundsInPlace).WithMsg(M.FigureForeignPartOnly);
        Include(new FigureInputValidator());
    }
}

public sealed class RecordFigureHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider clock) : ICommandHandler<RecordFigure, FigureRecorded>
{
    public async ValueTask<FigureRecorded> Handle(RecordFigure command, CancellationToken cancellationToken)
    {
        var project = await ProjectAccess.LoadForEditAsync(db, user, command.ProjectId, null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        FigurePeriod.Check(command.Period, now);
        var value = await FigureMoney.ToUnitAsync(db, command.Kind, command.Period, command.Amount, command.Currency, cancellationToken);
        long? foreign = command.ForeignPart is { } part
            ? await FigureMoney.ToUnitAsync(db, command.Kind, command.Period, part, command.Currency, cancellationToken)
            : null;
        var entry = new FigureEntry(project.Id, command.Kind, command.Period, command.Amount, command.Currency, value, foreign, command.Note, user.RequireId(), now);
        db.FigureEntries.Add(entry);
        var stored = await FigureAccess.AttachAsync(store, entry, command.EvidenceType, command.Evidence, cancellationToken);
        await store.SaveChangesOrDiscardAsync(db, stored, cancellationToken);
        return new FigureRecorded(entry.Id, entry.Status, entry.Value, entry.Version);
    }
}
