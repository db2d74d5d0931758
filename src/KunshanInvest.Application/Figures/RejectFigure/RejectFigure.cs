using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Figures.VerifyFigure;
using KunshanInvest.Domain.Figures;
using Mediator;

namespace KunshanInvest.Application.Figures.RejectFigure;

/// <summary>退回: a manager who did not enter the figure refuses it with a reason; it counts nowhere.</summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record RejectFigure(Guid FigureId, int ExpectedVersion, string? Reason) : ICommand<FigureChecked>;

public sealed class RejectFigureValidator : AbstractValidator<RejectFigure>
{
    public RejectFigureValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMsg(M.FigureRejectReason).MaximumLength(FigureEntry.ReasonMaxLength);
    }
}

public sealed class RejectFigureHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectFigure, FigureChecked>
{
    public async ValueTask<FigureChecked> Handle(RejectFigure command, CancellationToken cancellationToken)
    {
        var entry = await FigureAccess.LoadAsync(db, command.FigureId, command.ExpectedVersion, cancellationToken);
        entry.Reject(user.RequireId(), command.Reason!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new FigureChecked(entry.Id, entry.Status, entry.Version, null);
    }
}
