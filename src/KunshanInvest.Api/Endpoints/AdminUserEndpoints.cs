using KunshanInvest.Application.Admin.Users;
using KunshanInvest.Application.Admin.Users.AssignSectorLead;
using KunshanInvest.Application.Admin.Users.CreateUser;
using KunshanInvest.Application.Admin.Users.DisableUser;
using KunshanInvest.Application.Admin.Users.EnableUser;
using KunshanInvest.Application.Admin.Users.ListUsers;
using KunshanInvest.Application.Admin.Users.ResetUserPassword;
using KunshanInvest.Application.Admin.Users.SetUserRoles;
using KunshanInvest.Application.Admin.Users.SetUserSectors;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

internal static class AdminUserEndpoints
{
    internal sealed record RolesBody(IReadOnlyList<string>? Roles);

    internal sealed record SectorsBody(IReadOnlyList<Guid>? SectorIds);

    internal sealed record PasswordBody(string? Password);

    internal sealed record LeadOfficerBody(Guid? OfficerId);

    public static void MapAdminUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/admin/users").WithTags("Admin: users")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));

        users.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsers(), ct)))
            .WithSummary("Every account with its roles, sectors, led sectors, disabled flag and open follow-up count.");

        users.MapPost("/", CreateAsync)
            .WithSummary("Open an account; the initial password must be changed at first sign-in. 409 when the user name or e-mail is taken.");

        users.MapPut("/{id:guid}/roles", async (Guid id, RolesBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetUserRoles(id, body.Roles), ct)))
            .WithSummary("Replace the account's roles; a removed role is gone on the user's next request.");

        users.MapPut("/{id:guid}/sectors", async (Guid id, SectorsBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetUserSectors(id, body.SectorIds), ct)))
            .WithSummary("Set the sectors an officer works (their default scope).");

        users.MapPost("/{id:guid}/disable", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DisableUser(id), ct)))
            .WithSummary("Disable the account: no sign-in, and every cookie or token it holds is refused (401) from the next request. Returns its open follow-ups to reassign.");

        users.MapPost("/{id:guid}/enable", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EnableUser(id), ct)))
            .WithSummary("Enable a disabled account again (old sessions stay ended).");

        users.MapPost("/{id:guid}/reset-password", async (Guid id, PasswordBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ResetUserPassword(id, body.Password), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a temporary password the user must change at next sign-in; their sessions end.");

        app.MapPut("/api/v1/admin/sectors/{id:guid}/lead-officer", async (Guid id, LeadOfficerBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AssignSectorLead(id, body.OfficerId), ct)))
            .WithTags("Admin: users")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Name a sector's lead officer (an enabled officer or manager), or clear it with null.");
    }

    private static async Task<Created<AdminUserDto>> CreateAsync(CreateUser command, ISender sender, CancellationToken ct)
    {
        var user = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/admin/users/{user.Id}", user);
    }
}
