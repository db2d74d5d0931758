using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Exports;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Projects;
using KunshanInvest.Application.Projects.ExportProjects;
using KunshanInvest.Application.Projects.ImportLeads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Api.Endpoints;

/// <summary>The project list as .xlsx or .csv, and leads imported from the .xlsx template.</summary>
internal static class ProjectFileEndpoints
{
    public static void MapProjectFileEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/projects").WithTags("Projects")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));

        projects.MapGet("/export.xlsx", ([AsParameters] ProjectEndpoints.ListQuery query, ISender sender, CancellationToken ct) => ExportAsync(query, ExportFormat.Xlsx, sender, ct))
            .WithSummary("Every project matching the list's filters, in the list's order, as one sheet 项目 (cursor and pageSize are ignored).");
        projects.MapGet("/export.csv", ([AsParameters] ProjectEndpoints.ListQuery query, ISender sender, CancellationToken ct) => ExportAsync(query, ExportFormat.Csv, sender, ct))
            .WithSummary("The same rows as export.xlsx, as UTF-8 CSV with a byte order mark.");
        projects.MapGet("/import-template.xlsx", TemplateAsync)
            .WithSummary("The lead import template, with the active sectors and the sources.");

        // A bearer client or the UI's SameSite=Lax cookie: a cross-site form cannot post here with the cookie, so the
        // upload needs no antiforgery token, like the JSON endpoints.
        projects.MapPost("/import", ImportAsync)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import leads from the template (form field `file`): confirm=false previews each row, confirm=true writes all rows or none.");
    }

    private static async Task<FileStreamHttpResult> ExportAsync(ProjectEndpoints.ListQuery query, ExportFormat format, ISender sender, CancellationToken ct)
    {
        // The file is built in a temporary file first: MiniExcel writes synchronously (Kestrel refuses that on the
        // response), and a failure half-way still becomes a problem response instead of a truncated download.
        var path = Path.Combine(Path.GetTempPath(), $"ki-export-{Guid.NewGuid():N}.tmp");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var file = await sender.Send(new ExportProjects(query.ToFilter(), query.Sort ?? ProjectSort.LastActivity, query.Desc ?? true, format, temp), ct);
            temp.Position = 0;
            return TypedResults.File(temp, file.ContentType, file.FileName);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<FileContentHttpResult> TemplateAsync(ISender sender, CancellationToken ct)
    {
        var template = await sender.Send(new GetLeadImportTemplate(), ct);
        return TypedResults.File(template.Content, LeadImportTemplate.ContentType, template.FileName);
    }

    private static async Task<Ok<LeadImportResult>> ImportAsync(IFormFile? file, [FromQuery] bool? confirm, ISender sender, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw Invalid(M.ImportUploadField);
        }

        // Checked before reading: a larger upload is refused without being held in memory.
        if (file.Length > ImportLeads.MaxBytes)
        {
            throw Invalid(M.ImportTooLarge.With(("mb", ImportLeads.MaxBytes / 1024 / 1024)));
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        return TypedResults.Ok(await sender.Send(new ImportLeads(content, file.FileName, confirm ?? false), ct));
    }

    private static ValidationException Invalid(Said said) => FieldError.Invalid("file", said);
}
