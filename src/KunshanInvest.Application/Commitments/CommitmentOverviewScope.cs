using FluentValidation;
using KunshanInvest.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Commitments;

/// <summary>The overview's filters, shared by the page and its export.</summary>
public interface ICommitmentOverviewFilter
{
    CommitmentView View { get; }
    Guid? SectorId { get; }
    Guid? OfficerId { get; }
    int DueWithinDays { get; }
}

/// <summary>The overview's filtered commitments, as SQL: missed, due within the window, and the ones the view shows.</summary>
internal sealed record CommitmentOverviewScope(IQueryable<CommitmentFacts> Missed, IQueryable<CommitmentFacts> DueSoon, IQueryable<CommitmentFacts> Shown)
{
    public static CommitmentOverviewScope Of(IAppDbContext db, ICommitmentOverviewFilter filter, DateOnly today)
    {
        var until = today.AddDays(filter.DueWithinDays);
        var commitments = db.Commitments.AsNoTracking().Where(c => c.CheckOn <= until);
        var facts = CommitmentQuery.Facts(db, commitments).Where(f => !f.Met);
        if (filter.SectorId is { } sector)
        {
            facts = facts.Where(f => f.SectorId == sector);
        }

        if (filter.OfficerId is { } officer)
        {
            facts = facts.Where(f => f.OwnerId == officer);
        }

        var missed = facts.Where(f => f.CheckOn < today);
        var dueSoon = facts.Where(f => f.CheckOn >= today);
        var shown = filter.View switch
        {
            CommitmentView.Missed => missed,
            CommitmentView.DueSoon => dueSoon,
            _ => facts,
        };
        return new CommitmentOverviewScope(missed, dueSoon, shown);
    }
}

internal static class CommitmentOverviewRules
{
    public static void AddOverviewFilterRules<T>(this AbstractValidator<T> validator)
        where T : ICommitmentOverviewFilter
    {
        validator.RuleFor(x => x.View).IsInEnum();
        validator.RuleFor(x => x.DueWithinDays).InclusiveBetween(0, Commitments.GetCommitmentOverview.GetCommitmentOverview.MaxDueWithinDays);
    }
}
