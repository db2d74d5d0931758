using Microsoft.AspNetCore.Identity;

namespace KunshanInvest.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = Application.Common.Users.UserFields.DisplayNameMaxLength;

    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public const int LanguageMaxLength = 10;

    public string DisplayName { get; set; } = "";

    /// <summary>The language the user chose in the app bar (zh-CN or en-US), remembered across sign-ins; null until chosen.</summary>
    public string? Language { get; set; }

    /// <summary>Set on seeded and reset accounts: no sign-in completes until the password is changed (等保: no default account usable).</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// A disabled account cannot sign in, and every session it holds (cookie or bearer token) is refused on its next
    /// request; its history stays. Accounts are never deleted: audit rows and projects point at them.
    /// </summary>
    public bool IsDisabled { get; set; }

    public bool IsDemo { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
        Id = Guid.CreateVersion7();
    }

    public AppRole(string name)
        : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
