using FluentValidation;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Events.RecordSignings;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Infrastructure;

/// <summary>The one place every failure becomes RFC 9457 problem details; anything unmapped is a 500 without internals.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = Map(exception);
        if (details.Status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception }))
        {
            return true;
        }

        // The writer declines clients that do not accept JSON (a browser asking for text/html): they still get the
        // problem, never an empty body or the framework's fallback.
        details.Extensions["traceId"] = httpContext.TraceIdentifier;
        await httpContext.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException v => new ValidationProblemDetails(
            v.Errors.GroupBy(e => CamelCase(e.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求有误 / One or more fields are invalid.",
        },
        BadHttpRequestException b => new ProblemDetails
        {
            Status = b.StatusCode,
            Title = "请求无法读取 / The request could not be read.",
            Detail = b.Message,
        },
        UnauthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "请先登录 / Sign in first." },
        ForbiddenAccessException or DomainForbiddenException => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "无权操作 / You may not do this.",
            Detail = exception.Message,
        },
        NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "未找到 / Not found.", Detail = exception.Message },
        PreconditionRequiredException => new ProblemDetails { Status = StatusCodes.Status428PreconditionRequired, Title = "缺少版本号 / If-Match is required.", Detail = exception.Message },
        DuplicateEnterpriseException duplicate => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "疑似重复企业 / This enterprise may already exist.",
            Detail = duplicate.Message,
            Extensions =
            {
                ["code"] = duplicate.Code,
                ["canConfirm"] = duplicate.CanConfirm,
                ["candidates"] = duplicate.Candidates
                    .Select(c => new { id = c.Id, nameZh = c.NameZh, nameEn = c.NameEn, creditCode = c.CreditCode, reason = c.Reason })
                    .ToArray(),
            },
        },
        ConflictException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "冲突 / Conflict.", Detail = exception.Message },
        // A unique index or foreign key refused the write (e.g. a credit code saved by someone else a moment earlier).
        DbUpdateException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "与已有数据冲突 / The change conflicts with existing data.",
            Detail = "Reload and try again; if it persists, the value must be unique.",
        },
        StageGateException gate => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "阶段条件不满足 / The stage's evidence is missing.",
            Detail = gate.Message,
            Extensions =
            {
                ["code"] = gate.Code,
                ["missing"] = gate.Missing.Select(m => new { field = m.Field, message = m.Message }).ToArray(),
            },
        },
        SigningRulesException rows => new ValidationProblemDetails(
            rows.Errors.GroupBy(e => CamelCase(e.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "签约条件不满足 / Some rows cannot be signed.",
            Detail = rows.Message,
            Extensions = { ["code"] = rows.Code },
        },
        DomainRuleException rule => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "违反业务规则 / A business rule forbids this.",
            Detail = rule.Message,
            Extensions = { ["code"] = rule.Code },
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器错误 / An unexpected error occurred." },
    };

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
