using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.FollowUps.GetMyFollowUps;

/// <summary>
/// The caller's open follow-ups as an officer works them: overdue, due today, and the next
/// <see cref="MyFollowUps.UpcomingDays"/> days, by Kunshan's calendar. One query whatever the number of rows.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetMyFollowUps : IQuery<MyFollowUps>;

/// <param name="Today">The bureau's date the groups are relative to.</param>
/// <param name="Truncated">More than <see cref="Limit"/> items matched; the latest due were left out.</param>
public sealed record MyFollowUps(DateOnly Today, IReadOnlyList<MyFollowUp> Overdue, IReadOnlyList<MyFollowUp> DueToday, IReadOnlyList<MyFollowUp> Upcoming, bool Truncated)
{
    public const int UpcomingDays = 14;
    public const int Limit = 300;
}

public sealed record MyFollowUp(Guid Id, string Title, DateOnly DueOn, int Version, Guid ProjectId, string ProjectCode, string ProjectName, ProjectStage ProjectStage);

public sealed class GetMyFollowUpsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetMyFollowUps, MyFollowUps>
{
    public async ValueTask<MyFollowUps> Handle(GetMyFollowUps query, CancellationToken cancellationToken)
    {
        var me = user.RequireId();
        var today = clock.BureauToday();
        var horizon = today.AddDays(MyFollowUps.UpcomingDays);

        // Ordered by due date, so a cut at the limit drops the least urgent first.
        var rows = await (from f in db.FollowUps.AsNoTracking()
                          join p in db.Projects.AsNoTracking() on f.ProjectId equals p.Id
                          where f.AssigneeId == me && f.Status == FollowUpStatus.Open && f.DueOn <= horizon
                          orderby f.DueOn, p.Code, f.Id
                          select new MyFollowUp(f.Id, f.Title, f.DueOn, f.Version, p.Id, p.Code, p.Name, p.Stage))
            .Take(MyFollowUps.Limit + 1)
            .ToListAsync(cancellationToken);

        var truncated = rows.Count > MyFollowUps.Limit;
        var kept = rows.Take(MyFollowUps.Limit).ToList();
        return new MyFollowUps(
            today,
            [.. kept.Where(r => r.DueOn < today)],
            [.. kept.Where(r => r.DueOn == today)],
            [.. kept.Where(r => r.DueOn > today)],
            truncated);
    }
}
