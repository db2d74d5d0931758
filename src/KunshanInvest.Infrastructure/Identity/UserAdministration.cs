using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Infrastructure.Identity;

/// <summary>
/// <see cref="IUserAdministration"/> over Identity's <see cref="UserManager{TUser}"/>. UserManager saves through the
/// request's <see cref="AppDbContext"/>, so every change is audited by the interceptor like any other; each
/// operation that saves more than once runs in one transaction.
/// </summary>
internal sealed class UserAdministration(UserManager<AppUser> users, AppDbContext db, TimeProvider clock) : IUserAdministration
{
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.IsDisabled, u.MustChangePassword, u.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(null, cancellationToken);
        return [.. accounts.Select(u => new UserAccount(u.Id, u.UserName ?? "", u.DisplayName, u.Email, [.. roles[u.Id]], u.IsDisabled, u.MustChangePassword, u.CreatedAtUtc))];
    }

    public async Task<UserAccount> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("User", id);
        var roles = await RolesOfAsync(id, cancellationToken);
        return new UserAccount(user.Id, user.UserName ?? "", user.DisplayName, user.Email, [.. roles[id]], user.IsDisabled, user.MustChangePassword, user.CreatedAtUtc);
    }

    public async Task<Guid> CreateAsync(string userName, string displayName, string email, IReadOnlyCollection<string> roles, string initialPassword, CancellationToken cancellationToken)
    {
        var user = new AppUser
        {
            UserName = userName,
            Email = email,
            DisplayName = displayName,
            MustChangePassword = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, initialPassword));
        Check(await users.AddToRolesAsync(user, roles));
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles, StringComparer.OrdinalIgnoreCase).ToList();
        var added = roles.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (removed.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, added));
        }

        // No new security stamp: every request re-reads the account's roles (SessionCheck), so a removed role is gone
        // on the next request without signing the user out.
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        if (user.IsDisabled == disabled)
        {
            return;
        }

        user.IsDisabled = disabled;
        // UpdateSecurityStampAsync saves the flag and the new stamp together: every session of the account ends at once.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ResetPasswordAsync(Guid id, string temporaryPassword, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true;

        // A fresh start: earlier failed attempts no longer count and any lockout ends, saved with the new password
        // (ResetPasswordAsync validates it, renews the security stamp and saves everything set on the user).
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;

        // Another Admin resetting the account is the way back for one who lost authenticator and recovery codes
        // (ADR 0015): the second factor goes with the old password — the flag, the authenticator key, the recovery
        // codes and the last accepted step (all of them the account's user tokens) — so the user enrols again, and an
        // Admin must before the next sign-in. The removals save with the password; the trail records them redacted.
        user.TwoFactorEnabled = false;
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync(cancellationToken));
        Check(await users.ResetPasswordAsync(user, token, temporaryPassword));
    }

    private async Task<AppUser> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("User", id);

    /// <summary>Role names per user, in one query (all users when <paramref name="userId"/> is null).</summary>
    private async Task<ILookup<Guid, string>> RolesOfAsync(Guid? userId, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.AsNoTracking()
            .Where(ur => userId == null || ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ToLookup(p => p.UserId, p => p.Name ?? "");
    }

    /// <summary>Identity's refusals, as the Application's exceptions: the field for input, 409 for a taken name.</summary>
    internal static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var describer = new IdentityErrorDescriber();
        if (result.Errors.FirstOrDefault(e => e.Code is nameof(describer.DuplicateUserName) or nameof(describer.DuplicateEmail) or nameof(describer.ConcurrencyFailure)) is { } conflict)
        {
            throw new ConflictException(Refusal(conflict));
        }

        throw new ValidationException(result.Errors.Select(e => FieldError.Failure(FieldOf(e.Code), Refusal(e))));
    }

    /// <summary>Identity's own descriptions are English only: the refusals a user can meet here as catalogue messages.</summary>
    private static Said Refusal(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) => M.UserNameTaken,
        nameof(IdentityErrorDescriber.DuplicateEmail) => M.UserEmailTaken,
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => M.Changed,
        nameof(IdentityErrorDescriber.InvalidUserName) => M.UserNameFormat,
        nameof(IdentityErrorDescriber.InvalidEmail) => M.EmailInvalid,
        _ => M.Text.With(("text", error.Description)),
    };

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "InvalidUserName" => "UserName",
        "InvalidEmail" => "Email",
        "InvalidRoleName" or "UserAlreadyInRole" or "UserNotInRole" => "Roles",
        _ => "",
    };
}
