using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Figures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Figures.ListProjectFigures;

/// <summary>
/// A project's figure entries, those awaiting a check first, then newest month first, with who entered and checked them, and per kind the verified
/// totals per year and per quarter (sums of months; headcount: the latest month's). Six statements whatever the data.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListProjectFigures(Guid ProjectId) : IQuery<ProjectFigures>;

public sealed record ProjectFigures(Guid ProjectId, Guid OwnerId, IReadOnlyList<FigureEntryDto> Entries, IReadOnlyList<FigureTotal> Totals);

public sealed record FigureEntryDto(
    Guid Id,
    FigureKind Kind,
    int Period,
    long Amount,
    string? Currency,
    long Value,
    long? ForeignPartFen,
    string? Note,
    EvidenceType? EvidenceType,
    string? EvidenceFileName,
    FigureStatus Status,
    Guid EnteredById,
    string? EnteredByName,
    DateTime EnteredAtUtc,
    Guid? CheckedById,
    string? CheckedByName,
    DateTime? CheckedAtUtc,
    string? RejectedReason,
    Guid? SupersedesId,
    Guid? SupersededById,
    bool IsImported,
    int Version);

/// <summary>A kind's verified total for a year (<see cref="Quarter"/> null) or one of its quarters, in the kind's unit.</summary>
public sealed record FigureTotal(FigureKind Kind, int Year, int? Quarter, long Value);

public sealed class ListProjectFiguresHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<ListProjectFigures, ProjectFigures>
{
    public async ValueTask<ProjectFigures> Handle(ListProjectFigures query, CancellationToken cancellationToken)
    {
        var ownerId = await db.Projects.Where(p => p.Id == query.ProjectId).Select(p => (Guid?)p.OwnerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Project", query.ProjectId);

        var entries = await db.FigureEntries.AsNoTracking()
            .Where(f => f.ProjectId == query.ProjectId)
            .OrderBy(f => f.Status == FigureStatus.Pending ? 0 : 1).ThenByDescending(f => f.Period).ThenBy(f => f.Kind).ThenByDescending(f => f.EnteredAtUtc)
            .ToListAsync(cancellationToken);

        var verified = VerifiedFigures.Of(db).Where(f => f.ProjectId == query.ProjectId);

        // Flows: the months' sum; headcount (a level): the value of the group's latest month, found below.
        var quarters = await verified
            .GroupBy(f => new { f.Kind, Year = f.Period / 100, Quarter = ((f.Period % 100) + 2) / 3 })
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Quarter, Sum = g.Sum(f => f.Value), Last = g.Max(f => f.Period) })
            .ToListAsync(cancellationToken);
        var years = await verified
            .GroupBy(f => new { f.Kind, Year = f.Period / 100 })
            .Select(g => new { g.Key.Kind, g.Key.Year, Sum = g.Sum(f => f.Value), Last = g.Max(f => f.Period) })
            .ToListAsync(cancellationToken);
        var headcountMonths = quarters.Where(q => q.Kind == FigureKind.Jobs).Select(q => q.Last).ToList();
        var headcount = await verified
            .Where(f => f.Kind == FigureKind.Jobs && headcountMonths.Contains(f.Period))
            .GroupBy(f => f.Period)
            .Select(g => new { Period = g.Key, Value = g.Max(f => f.Value) })
            .ToDictionaryAsync(h => h.Period, h => h.Value, cancellationToken);

        long ValueOf(FigureKind kind, long sum, int last) => kind.IsFlow() ? sum : headcount.GetValueOrDefault(last);
        var totals = years.Select(y => new FigureTotal(y.Kind, y.Year, null, ValueOf(y.Kind, y.Sum, y.Last)))
            .Concat(quarters.Select(q => new FigureTotal(q.Kind, q.Year, q.Quarter, ValueOf(q.Kind, q.Sum, q.Last))))
            .OrderBy(t => t.Kind).ThenByDescending(t => t.Year).ThenBy(t => t.Quarter ?? 0)
            .ToList();

        var names = await users.DisplayNamesAsync(entries.Select(e => e.EnteredById).Concat(entries.Where(e => e.CheckedById != null).Select(e => e.CheckedById!.Value)).Distinct(), cancellationToken);
        var items = entries.Select(e => new FigureEntryDto(
            e.Id, e.Kind, e.Period, e.Amount, e.Currency, e.Value, e.ForeignPartFen, e.Note, e.EvidenceType, e.EvidenceFileName, e.Status,
            e.EnteredById, names.GetValueOrDefault(e.EnteredById), e.EnteredAtUtc,
            e.CheckedById, e.CheckedById is { } c ? names.GetValueOrDefault(c) : null, e.CheckedAtUtc,
            e.RejectedReason, e.SupersedesId, e.SupersededById, e.IsImported, e.Version)).ToList();
        return new ProjectFigures(query.ProjectId, ownerId, items, totals);
    }
}
