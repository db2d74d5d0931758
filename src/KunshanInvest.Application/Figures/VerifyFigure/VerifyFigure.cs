using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures.VerifyFigure;

/// <summary>
/// 审核通过: a manager who did not enter the figure confirms it (own entry 403, a second check 409). A verified
/// correction replaces the entry it names in the same save, so the month never counts twice or not at all.
/// </summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record VerifyFigure(Guid FigureId, int ExpectedVersion) : ICommand<FigureChecked>;

/// <summary>The entry after the check, with its new version.</summary>
public sealed record FigureChecked(Guid Id, FigureStatus Status, int Version, Guid? SupersededId);

public sealed class VerifyFigureHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<VerifyFigure, FigureChecked>
{
    public async ValueTask<FigureChecked> Handle(VerifyFigure command, CancellationToken cancellationToken)
    {
        var entry = await FigureAccess.LoadAsync(db, command.FigureId, command.ExpectedVersion, cancellationToken);
        entry.Verify(user.RequireId(), clock.GetUtcNow().UtcDateTime);
        if (entry.SupersedesId is { } oldId)
        {
            var old = await db.FigureEntries.SingleAsync(f => f.Id == oldId, cancellationToken);
            old.SupersedeBy(entry.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new FigureChecked(entry.Id, entry.Status, entry.Version, entry.SupersedesId);
    }
}
