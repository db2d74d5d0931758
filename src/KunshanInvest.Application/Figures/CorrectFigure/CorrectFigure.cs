using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Figures.RecordFigure;
using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures.CorrectFigure;

/// <summary>
/// 更正实绩: a new entry for the same project, kind and month that names the one it corrects; nothing is overwritten.
/// Only a pending or verified entry can be corrected (a superseded or rejected one is 409), and an entry has at most one
/// correction awaiting verification (409). The old entry keeps counting until the correction is verified.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CorrectFigure(
    Guid FigureId,
    int ExpectedVersion,
    long Amount,
    string? Currency,
    long? ForeignPart,
    string? Note,
    EvidenceType? EvidenceType = null,
    UploadedFile? Evidence = null) : ICommand<FigureRecorded>, IFigureInput;

public sealed class CorrectFigureValidator : AbstractValidator<CorrectFigure>
{
    public CorrectFigureValidator() => Include(new FigureInputValidator());
}

public sealed class CorrectFigureHandler(IAppDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider clock) : ICommandHandler<CorrectFigure, FigureRecorded>
{
    public async ValueTask<FigureRecorded> Handle(CorrectFigure command, CancellationToken cancellationToken)
    {
        var old = await db.FigureEntries.AsNoTracking().SingleOrDefaultAsync(f => f.Id == command.FigureId, cancellationToken)
            ?? throw new NotFoundException("FigureEntry", command.FigureId);
        await ProjectAccess.LoadForEditAsync(db, user, old.ProjectId, null, cancellationToken);
        if (old.Version != command.ExpectedVersion)
        {
            throw new ConflictException(Common.Messages.M.FigureVersionStale);
        }

        old.EnsureCorrectable();
        if (await db.FigureEntries.AnyAsync(f => f.SupersedesId == old.Id && f.Status == FigureStatus.Pending, cancellationToken))
        {
            throw new DomainConflictException("figure.correction_open", "This entry already has a correction awaiting verification.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var value = await FigureMoney.ToUnitAsync(db, old.Kind, old.Period, command.Amount, command.Currency, cancellationToken);
        long? foreign = command.ForeignPart is { } part
            ? await FigureMoney.ToUnitAsync(db, old.Kind, old.Period, part, command.Currency, cancellationToken)
            : null;
        var correction = new FigureEntry(old.ProjectId, old.Kind, old.Period, command.Amount, command.Currency, value, foreign, command.Note, user.RequireId(), now, old.Id);
        db.FigureEntries.Add(correction);
        var stored = await FigureAccess.AttachAsync(store, correction, command.EvidenceType, command.Evidence, cancellationToken);
        await store.SaveChangesOrDiscardAsync(db, stored, cancellationToken);
        return new FigureRecorded(correction.Id, correction.Status, correction.Value, correction.Version);
    }
}
