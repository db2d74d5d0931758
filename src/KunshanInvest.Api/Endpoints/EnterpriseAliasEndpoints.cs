using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Enterprises.Aliases;
using KunshanInvest.Domain.Enterprises;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>An enterprise's other names (品牌, 简称, 曾用名, 英文名), which duplicate checks, search and the ledger import match on.</summary>
internal static class EnterpriseAliasEndpoints
{
    public static void MapEnterpriseAliasEndpoints(this IEndpointRouteBuilder app)
    {
        var aliases = app.MapGroup("/api/v1/enterprises/{id:guid}/aliases").WithTags("Enterprises")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        aliases.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEnterpriseAliases(id), ct)))
            .WithSummary("The enterprise's aliases, by kind then text.");
        aliases.MapPost("/", AddAsync)
            .WithSummary("Give the enterprise another name; 409 when the name already belongs to it or to another enterprise.");
        aliases.MapDelete("/{aliasId:guid}", async (Guid id, Guid aliasId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveEnterpriseAlias(id, aliasId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove an alias (the audit trail keeps it).");
    }

    private static async Task<Created<EnterpriseAliasDto>> AddAsync(Guid id, AliasBody body, ISender sender, CancellationToken ct)
    {
        var alias = await sender.Send(new AddEnterpriseAlias(id, body.Text, body.Kind), ct);
        return TypedResults.Created($"/api/v1/enterprises/{id}/aliases", alias);
    }

    internal sealed record AliasBody(string Text, AliasKind Kind);
}
