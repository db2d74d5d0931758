using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Commitments.GetCommitmentOverview;

/// <summary>
/// 协议承诺总览 for managers: commitments missed and those due within <see cref="DueWithinDays"/> days, across projects,
/// filtered by sector and officer (the project's owner), by check date, one page at a time. Four statements whatever
/// the data: the two counts, the page (with sector names) and the owners' names.
/// </summary>
[AuthorizeRequest(Roles = $"{Roles.Admin},{Roles.Manager}")]
public sealed record GetCommitmentOverview(
    CommitmentView View = CommitmentView.Attention,
    Guid? SectorId = null,
    Guid? OfficerId = null,
    int DueWithinDays = GetCommitmentOverview.DefaultDueWithinDays,
    int Page = 1,
    int PageSize = 50) : IQuery<CommitmentOverview>, ICommitmentOverviewFilter
{
    public const int DefaultDueWithinDays = 90;
    public const int MaxDueWithinDays = 366;
    public const int MaxPageSize = 200;
    public const int MaxPage = 10_000;
}

public sealed class GetCommitmentOverviewValidator : AbstractValidator<GetCommitmentOverview>
{
    public GetCommitmentOverviewValidator()
    {
        this.AddOverviewFilterRules();
        RuleFor(x => x.Page).InclusiveBetween(1, GetCommitmentOverview.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, GetCommitmentOverview.MaxPageSize);
    }
}

public sealed class GetCommitmentOverviewHandler(IAppDbContext db, IUserDirectory users, TimeProvider clock)
    : IQueryHandler<GetCommitmentOverview, CommitmentOverview>
{
    public async ValueTask<CommitmentOverview> Handle(GetCommitmentOverview query, CancellationToken cancellationToken)
    {
        var today = clock.BureauToday();
        var scope = CommitmentOverviewScope.Of(db, query, today);
        var missed = await scope.Missed.CountAsync(cancellationToken);
        var dueSoon = await scope.DueSoon.CountAsync(cancellationToken);
        var rows = await scope.Shown
            .OrderBy(f => f.CheckOn).ThenBy(f => f.ProjectCode).ThenBy(f => f.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(f => new
            {
                Facts = f,
                SectorNameZh = db.Sectors.Where(s => s.Id == f.SectorId).Select(s => s.NameZh).FirstOrDefault(),
                SectorNameEn = db.Sectors.Where(s => s.Id == f.SectorId).Select(s => s.NameEn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var owners = rows.Count == 0 ? new Dictionary<Guid, string>() : await users.DisplayNamesAsync(rows.Select(r => r.Facts.OwnerId).Distinct(), cancellationToken);
        var items = rows.Select(r => new CommitmentOverviewItem(
            r.Facts.ToDto(today), r.Facts.ProjectCode, r.Facts.ProjectName, r.Facts.OwnerId, owners.GetValueOrDefault(r.Facts.OwnerId),
            r.Facts.SectorId, r.SectorNameZh, r.SectorNameEn)).ToList();
        var total = query.View switch
        {
            CommitmentView.Missed => missed,
            CommitmentView.DueSoon => dueSoon,
            _ => missed + dueSoon,
        };
        return new CommitmentOverview(items, total, query.Page, query.PageSize, missed, dueSoon);
    }
}
