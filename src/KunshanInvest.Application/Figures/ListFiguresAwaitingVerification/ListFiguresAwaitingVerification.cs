using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures.ListFiguresAwaitingVerification;

/// <summary>
/// 待审核实绩: the manager's queue — entries awaiting verification, oldest first, without the caller's own (they may
/// not check those). Paged in SQL: a count, a page, and the names on it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record ListFiguresAwaitingVerification(int Page = 1, int PageSize = 50) : IQuery<FigureQueue>;

public sealed record FigureQueue(IReadOnlyList<PendingFigure> Items, int Page, int PageSize, int Total);

public sealed record PendingFigure(
    Guid Id,
    Guid ProjectId,
    string ProjectCode,
    string ProjectName,
    FigureKind Kind,
    int Period,
    long Amount,
    string? Currency,
    long Value,
    long? ForeignPartFen,
    string? Note,
    string? EvidenceFileName,
    Guid EnteredById,
    string? EnteredByName,
    DateTime EnteredAtUtc,
    Guid? SupersedesId,
    int Version);

public sealed class ListFiguresAwaitingVerificationValidator : AbstractValidator<ListFiguresAwaitingVerification>
{
    public const int MaxPageSize = 200;

    public ListFiguresAwaitingVerificationValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}

public sealed class ListFiguresAwaitingVerificationHandler(IAppDbContext db, ICurrentUser user, IUserDirectory users) : IQueryHandler<ListFiguresAwaitingVerification, FigureQueue>
{
    public async ValueTask<FigureQueue> Handle(ListFiguresAwaitingVerification query, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var pending = db.FigureEntries.AsNoTracking().Where(f => f.Status == FigureStatus.Pending && f.EnteredById != me);
        var total = await pending.CountAsync(cancellationToken);
        var rows = await (
                from f in pending
                join p in db.Projects on f.ProjectId equals p.Id
                orderby f.EnteredAtUtc, f.Id
                select new { f, p.Code, p.Name })
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(rows.Select(r => r.f.EnteredById).Distinct(), cancellationToken);
        var items = rows.Select(r => new PendingFigure(
            r.f.Id, r.f.ProjectId, r.Code, r.Name, r.f.Kind, r.f.Period, r.f.Amount, r.f.Currency, r.f.Value, r.f.ForeignPartFen, r.f.Note,
            r.f.EvidenceFileName, r.f.EnteredById, names.GetValueOrDefault(r.f.EnteredById), r.f.EnteredAtUtc, r.f.SupersedesId, r.f.Version)).ToList();
        return new FigureQueue(items, query.Page, query.PageSize, total);
    }
}
