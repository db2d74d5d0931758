using System.Globalization;
using FluentValidation;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Web.Components;

/// <summary>A failure of a command, as the page shows it: a headline, field errors and missing stage evidence.</summary>
public sealed record UiError(string Message, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<MissingEvidence> Missing)
{
    /// <summary>
    /// Turns the Application's exceptions into a message. Anything unexpected gets a generic message rather than
    /// ending the user's circuit (the host's logging behaviour has already recorded it).
    /// </summary>
    public static UiError From(Exception exception) => exception switch
    {
        ValidationException v => new(
            Text.T.IsEnglish ? "Please correct the highlighted fields." : "请修改标出的内容。",
            v.Errors.GroupBy(e => e.PropertyName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => Word(g.First()), StringComparer.OrdinalIgnoreCase),
            []),
        StageGateException gate => new(Text.T.NextStageNeeds(Text.T.StageName(gate.Target)), new Dictionary<string, string>(), gate.Missing),
        DomainRuleException or DomainForbiddenException or DomainConflictException or ForbiddenAccessException or ConflictException or NotFoundException or UnauthenticatedException
            or Application.Enterprises.Duplicates.DuplicateEnterpriseException => new(Messages.Text(exception, CultureInfo.CurrentUICulture), new Dictionary<string, string>(), []),
        OverflowException => new(Text.T.IsEnglish ? "A number is too large." : "数字过大。", new Dictionary<string, string>(), []),
        _ => new(Text.T.IsEnglish ? "Something went wrong; please try again." : "操作未成功,请重试。", new Dictionary<string, string>(), []),
    };

    /// <summary>A failure with a catalogue code in the page's language; FluentValidation's own were worded in it already.</summary>
    private static string Word(FluentValidation.Results.ValidationFailure failure) =>
        Messages.Render(failure.ErrorCode, failure.CustomState as IReadOnlyDictionary<string, object?>, CultureInfo.CurrentUICulture) ?? failure.ErrorMessage;

    public string? For(string field) => Fields.TryGetValue(field, out var message) ? message : null;
}
