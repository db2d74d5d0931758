using KunshanInvest.Application.Common.Exceptions;

namespace KunshanInvest.Application.Common.Security;

public static class CurrentUserExtensions
{
    /// <summary>The signed-in user's id; requests reaching a handler are authenticated, so absence is a 401.</summary>
    public static Guid RequireId(this ICurrentUser user) => user.Id ?? throw new UnauthenticatedException();

    public static bool IsManagerOrAdmin(this ICurrentUser user) => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    public static bool IsStaff(this ICurrentUser user) => user.IsInRole(Roles.Officer) || user.IsManagerOrAdmin();
}
