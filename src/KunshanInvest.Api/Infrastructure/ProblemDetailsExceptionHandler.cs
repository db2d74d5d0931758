using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Events.RecordSignings;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Infrastructure;

/// <summary>
/// The one place every failure becomes RFC 9457 problem details; anything unmapped is a 500 without internals.
/// Texts are rendered from their catalogue codes in the reader's language (<see cref="ReaderCulture"/>), and the codes
/// travel with them (<c>code</c>, and <c>codes</c> per field beside <c>errors</c>) for clients that word them themselves.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = Map(exception, ReaderCulture.Of(httpContext));
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

    internal static ProblemDetails Map(Exception exception) => Map(exception, Messages.DefaultCulture);

    internal static ProblemDetails Map(Exception exception, CultureInfo culture)
    {
        string Say(Said said) => said.Render(culture);
        string Text() => Messages.Text(exception, culture);
        return exception switch
        {
            ValidationException v => Fields(v.Errors, StatusCodes.Status400BadRequest, Say(M.ProblemInvalid), culture),
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = Say(M.ProblemUnreadable),
                Detail = b.Message,
            },
            UnauthenticatedException u => Coded(StatusCodes.Status401Unauthorized, Say(M.ProblemUnauthenticated), u.Said, culture),
            ForbiddenAccessException f => Coded(StatusCodes.Status403Forbidden, Say(M.ProblemForbidden), f.Said, culture),
            DomainForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = Say(M.ProblemForbidden),
                Detail = Text(),
                Extensions = { ["code"] = forbidden.Code },
            },
            DomainConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Say(M.ProblemConflict),
                Detail = Text(),
                Extensions = { ["code"] = conflict.Code },
            },
            NotFoundException n => Coded(StatusCodes.Status404NotFound, Say(M.ProblemNotFound), n.Said, culture),
            PreconditionRequiredException p => Coded(StatusCodes.Status428PreconditionRequired, Say(M.ProblemPrecondition), p.Said, culture),
            DuplicateEnterpriseException duplicate => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Say(M.ProblemDuplicate),
                Detail = Text(),
                Extensions =
                {
                    ["code"] = duplicate.Code,
                    ["canConfirm"] = duplicate.CanConfirm,
                    ["candidates"] = duplicate.Candidates
                        .Select(c => new { id = c.Id, nameZh = c.NameZh, nameEn = c.NameEn, creditCode = c.CreditCode, reason = c.Reason })
                        .ToArray(),
                },
            },
            ConflictException c => Coded(StatusCodes.Status409Conflict, Say(M.ProblemConflict), c.Said, culture),
            // A unique index or foreign key refused the write (e.g. a credit code saved by someone else a moment earlier).
            DbUpdateException => Coded(StatusCodes.Status409Conflict, Say(M.ProblemDataConflict), M.ProblemDataConflictDetail, culture),
            StageGateException gate => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = Say(M.ProblemStageGate),
                Detail = Say(M.StageGate.With(
                    ("stage", new Bilingual(gate.Target.ZhName(), gate.Target.ToString())),
                    ("fields", string.Join(", ", gate.Missing.Select(m => m.Field))))),
                Extensions =
                {
                    ["code"] = gate.Code,
                    ["missing"] = gate.Missing
                        .Select(m => new { field = m.Field, code = m.Code, message = Messages.Render(m.Code, null, culture) ?? m.Message })
                        .ToArray(),
                },
            },
            SigningRulesException rows => WithCode(
                Fields(rows.Errors, StatusCodes.Status422UnprocessableEntity, Say(M.ProblemSigningRows), culture, Text()), rows.Code),
            DomainRuleException rule => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = Say(M.ProblemRule),
                Detail = Text(),
                Extensions = { ["code"] = rule.Code },
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = Say(M.ProblemServer) },
        };
    }

    private static ProblemDetails Coded(int status, string title, Said said, CultureInfo culture) => new()
    {
        Status = status,
        Title = title,
        Detail = said.Render(culture),
        Extensions = { ["code"] = said.Code },
    };

    private static ProblemDetails WithCode(ProblemDetails details, string code)
    {
        details.Extensions["code"] = code;
        return details;
    }

    /// <summary>
    /// Field errors keyed by camel-cased path. A failure with a catalogue code is worded again in the reader's
    /// language; FluentValidation's own messages were worded in the request's culture when they were made.
    /// </summary>
    private static ValidationProblemDetails Fields(IEnumerable<ValidationFailure> failures, int status, string title, CultureInfo culture, string? detail = null)
    {
        var byField = failures.GroupBy(e => CamelCase(e.PropertyName), StringComparer.Ordinal).ToArray();
        var details = new ValidationProblemDetails(
            byField.ToDictionary(g => g.Key, g => g.Select(e => Word(e, culture)).Distinct().ToArray(), StringComparer.Ordinal))
        {
            Status = status,
            Title = title,
            Detail = detail,
        };
        details.Extensions["codes"] = byField.ToDictionary(g => g.Key, g => g.Select(e => e.ErrorCode).Distinct().ToArray(), StringComparer.Ordinal);
        return details;
    }

    private static string Word(ValidationFailure failure, CultureInfo culture) =>
        Messages.Render(failure.ErrorCode, failure.CustomState as IReadOnlyDictionary<string, object?>, culture) ?? failure.ErrorMessage;

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
