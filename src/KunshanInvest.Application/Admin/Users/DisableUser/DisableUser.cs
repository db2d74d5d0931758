using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.FollowUps;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Admin.Users.DisableUser;

/// <summary>
/// Disables an account: it can no longer sign in and every session it holds ends on its next request. Its open
/// follow-ups are returned so the admin can hand them to colleagues (nothing is reassigned silently).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record DisableUser(Guid Id) : ICommand<DisabledUserDto>;

public sealed record DisabledUserDto(AdminUserDto User, IReadOnlyList<OpenFollowUpDto> OpenFollowUps);

public sealed class DisableUserHandler(IAppDbContext db, IUserAdministration users, ICurrentUser user) : ICommandHandler<DisableUser, DisabledUserDto>
{
    public async ValueTask<DisabledUserDto> Handle(DisableUser command, CancellationToken cancellationToken)
    {
        if (command.Id == user.RequireId())
        {
            throw M.SelfDisable.Rule();
        }

        await users.SetDisabledAsync(command.Id, disabled: true, cancellationToken);
        return new DisabledUserDto(await AdminUsers.DtoAsync(db, users, command.Id, cancellationToken), await OpenFollowUps.OfAsync(db, command.Id, cancellationToken));
    }
}

public static class OpenFollowUps
{
    /// <summary>A user's open follow-ups, earliest due first, with their project's code.</summary>
    public static async Task<IReadOnlyList<OpenFollowUpDto>> OfAsync(IAppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.FollowUps.AsNoTracking()
            .Where(f => f.AssigneeId == userId && f.Status == FollowUpStatus.Open)
            .Join(db.Projects, f => f.ProjectId, p => p.Id, (f, p) => new { f, p.Code, p.Name })
            .OrderBy(x => x.f.DueOn).ThenBy(x => x.Code)
            .Select(x => new OpenFollowUpDto(x.f.Id, x.f.Title, x.f.DueOn, x.f.ProjectId, x.Code, x.Name, x.f.Version))
            .ToListAsync(cancellationToken);
}
