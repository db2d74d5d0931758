namespace KunshanInvest.Web.Components.Admin;

// What the administrator has typed on the users page; the page owns it and clears it after a save.

public sealed class NewUserDraft
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public IReadOnlyCollection<string> Roles { get; set; } = [Application.Common.Security.Roles.Officer];
}

public sealed class UserEditDraft
{
    public IReadOnlyCollection<string> Roles { get; set; } = [];
    public IReadOnlyCollection<Guid> SectorIds { get; set; } = [];
    public string? Password { get; set; }
}
