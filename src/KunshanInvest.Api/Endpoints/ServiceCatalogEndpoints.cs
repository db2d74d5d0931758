using KunshanInvest.Api.Infrastructure;
using KunshanInvest.Application.Admin.ServiceCatalog;
using KunshanInvest.Application.Admin.ServiceCatalog.AddDepartmentMember;
using KunshanInvest.Application.Admin.ServiceCatalog.CreateDepartment;
using KunshanInvest.Application.Admin.ServiceCatalog.CreateServiceCategory;
using KunshanInvest.Application.Admin.ServiceCatalog.ListDepartments;
using KunshanInvest.Application.Admin.ServiceCatalog.ListServiceCategories;
using KunshanInvest.Application.Admin.ServiceCatalog.RemoveDepartmentMember;
using KunshanInvest.Application.Admin.ServiceCatalog.UpdateDepartment;
using KunshanInvest.Application.Admin.ServiceCatalog.UpdateServiceCategory;
using KunshanInvest.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>
/// The Admin's service request catalogues: categories (with their deadline days) and departments (head, members).
/// Edits send the version read back in If-Match (428 without it, 409 when stale), as the parks and sectors do.
/// </summary>
internal static class ServiceCatalogEndpoints
{
    public sealed record CategoryBody(string NameZh, string NameEn, int DeadlineDays, bool IsActive);

    public sealed record DepartmentBody(string NameZh, string NameEn, Guid? HeadUserId, bool IsActive);

    public sealed record MemberBody(Guid UserId);

    public static void MapServiceCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/v1/admin/service-categories").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        categories.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListServiceCategories(), ct)))
            .WithSummary("Every service request category (诉求类别), active or not.");
        categories.MapPost("/", CreateCategoryAsync).WithSummary("Add a category with its deadline days (1–365); a taken code is 409.");
        categories.MapPut("/{id:guid}", UpdateCategoryAsync).WithSummary("Rename a category, change its days (new requests only) or retire it (If-Match required).");

        var departments = app.MapGroup("/api/v1/admin/departments").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        departments.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDepartments(), ct)))
            .WithSummary("Every department (办理部门) with its head and members.");
        departments.MapPost("/", CreateDepartmentAsync).WithSummary("Add a department; a taken code is 409.");
        departments.MapPut("/{id:guid}", UpdateDepartmentAsync).WithSummary("Rename a department, name its head (a member or a manager) or retire it (If-Match required).");
        departments.MapPost("/{id:guid}/members", async (Guid id, MemberBody body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new AddDepartmentMember(id, body.UserId), ct)))
            .WithSummary("Add a handling user (Department role or bureau staff) to the department.");
        departments.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new RemoveDepartmentMember(id, userId), ct)))
            .WithSummary("Remove a handling user from the department (not its head: name another first).");
    }

    private static async Task<Created<ServiceCategoryDto>> CreateCategoryAsync(CreateServiceCategory command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var category = await sender.Send(command, ct);
        Concurrency.SetETag(response, category.Version);
        return TypedResults.Created($"/api/v1/admin/service-categories/{category.Id}", category);
    }

    private static async Task<Ok<ServiceCategoryDto>> UpdateCategoryAsync(Guid id, CategoryBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var category = await sender.Send(new UpdateServiceCategory(id, Concurrency.RequireIfMatch(request), body.NameZh, body.NameEn, body.DeadlineDays, body.IsActive), ct);
        Concurrency.SetETag(response, category.Version);
        return TypedResults.Ok(category);
    }

    private static async Task<Created<DepartmentDto>> CreateDepartmentAsync(CreateDepartment command, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var department = await sender.Send(command, ct);
        Concurrency.SetETag(response, department.Version);
        return TypedResults.Created($"/api/v1/admin/departments/{department.Id}", department);
    }

    private static async Task<Ok<DepartmentDto>> UpdateDepartmentAsync(Guid id, DepartmentBody body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var department = await sender.Send(new UpdateDepartment(id, Concurrency.RequireIfMatch(request), body.NameZh, body.NameEn, body.HeadUserId, body.IsActive), ct);
        Concurrency.SetETag(response, department.Version);
        return TypedResults.Ok(department);
    }
}
