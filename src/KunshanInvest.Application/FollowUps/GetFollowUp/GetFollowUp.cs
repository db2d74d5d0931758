using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.FollowUps;
using KunshanInvest.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.FollowUps.GetFollowUp;

/// <summary>One follow-up with its project and people; <see cref="FollowUpDto.Version"/> is what If-Match sends back.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetFollowUp(Guid Id) : IQuery<FollowUpDto>;

public sealed record FollowUpDto(
    Guid Id, Guid ProjectId, string ProjectCode, string ProjectName, Guid AssigneeId, string? AssigneeName, DateOnly DueOn, string Title,
    FollowUpStatus Status, string? CompletionNote, DateTime? CompletedAtUtc, Guid? CompletedById, string? CompletedByName, DateTime CreatedAtUtc, int Version,
    string? Notes = null, string? RescheduleReason = null, string? CancelReason = null);

public sealed class GetFollowUpHandler(IAppDbContext db, IUserDirectory users) : IQueryHandler<GetFollowUp, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(GetFollowUp query, CancellationToken cancellationToken)
    {
        var row = await (from f in db.FollowUps.AsNoTracking()
                         join p in db.Projects.AsNoTracking() on f.ProjectId equals p.Id
                         where f.Id == query.Id
                         select new { FollowUp = f, p.Code, p.Name })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Follow-up", query.Id);

        return await FollowUpDtos.ForAsync(users, row.FollowUp, row.Code, row.Name, cancellationToken);
    }
}

internal static class FollowUpDtos
{
    public static FollowUpDto From(FollowUp f, string projectCode, string projectName, IReadOnlyDictionary<Guid, string> names) =>
        new(f.Id, f.ProjectId, projectCode, projectName, f.AssigneeId, names.GetValueOrDefault(f.AssigneeId), f.DueOn, f.Title, f.Status,
            f.CompletionNote, f.CompletedAtUtc, f.CompletedById, f.CompletedById is { } by ? names.GetValueOrDefault(by) : null, f.CreatedAtUtc, f.Version,
            f.Notes, f.RescheduleReason, f.CancelReason);

    public static async Task<FollowUpDto> ForAsync(IUserDirectory users, FollowUp f, string projectCode, string projectName, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync(People(f), cancellationToken);
        return From(f, projectCode, projectName, names);
    }

    public static FollowUpDto For(FollowUp f, InvestmentProject project, IReadOnlyDictionary<Guid, string> names) => From(f, project.Code, project.Name, names);

    public static IEnumerable<Guid> People(FollowUp f) => f.CompletedById is { } by ? [f.AssigneeId, by] : [f.AssigneeId];
}
