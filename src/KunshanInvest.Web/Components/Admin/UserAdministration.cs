using KunshanInvest.Application.Admin.Users;
using KunshanInvest.Application.Common.Security;

namespace KunshanInvest.Web.Components.Admin;

internal static class UserAdministration
{
    /// <summary>Whether follow-ups and sectors can be handed to the user: active officers and managers.</summary>
    public static bool CanTakeWork(AdminUserDto user) => !user.IsDisabled && user.Roles.Any(r => r is Roles.Officer or Roles.Manager);
}
