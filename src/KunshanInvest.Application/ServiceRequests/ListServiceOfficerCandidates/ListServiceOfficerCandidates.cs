using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using Mediator;

namespace KunshanInvest.Application.ServiceRequests.ListServiceOfficerCandidates;

/// <summary>Who may be named an enterprise's service officer: the enabled officers and managers, by name (the manager's picker).</summary>
[AuthorizeRequest(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed record ListServiceOfficerCandidates : IQuery<IReadOnlyList<ServiceOfficerCandidate>>;

public sealed record ServiceOfficerCandidate(Guid Id, string Name);

public sealed class ListServiceOfficerCandidatesHandler(IUserDirectory users) : IQueryHandler<ListServiceOfficerCandidates, IReadOnlyList<ServiceOfficerCandidate>>
{
    public async ValueTask<IReadOnlyList<ServiceOfficerCandidate>> Handle(ListServiceOfficerCandidates query, CancellationToken cancellationToken)
    {
        var ids = (await users.ActiveUsersInRoleAsync(Roles.Officer, cancellationToken)).Concat(await users.ActiveUsersInRoleAsync(Roles.Manager, cancellationToken)).Distinct().ToList();
        var names = await users.DisplayNamesAsync(ids, cancellationToken);
        return [.. names.Select(n => new ServiceOfficerCandidate(n.Key, n.Value)).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }
}
