using Microsoft.AspNetCore.Identity;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Infrastructure.Identity;

/// <summary>等保 L3 / ASVS L2: at least three of lower case, upper case, digits and symbols; at most 64 characters.</summary>
internal sealed class ThreeOfFourClassesPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MaxLength = 64;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = M.PasswordTooLong.With(("max", MaxLength)).ToString() }));
        }

        return Task.FromResult(classes >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordClasses", Description = M.PasswordClasses.ToString() }));
    }
}
