using FluentValidation;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Web.Components;

/// <summary>A failure of a command, as the page shows it: a headline, field errors and missing stage evidence.</summary>
public sealed record UiError(string Message, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<MissingEvidence> Missing)
{
    /// <summary>Turns the Application's exceptions into a message; anything else is rethrown (it is a bug, not input).</summary>
    public static UiError From(Exception exception) => exception switch
    {
        ValidationException v => new(
            Text.T.IsEnglish ? "Please correct the highlighted fields." : "请修改标出的内容。",
            v.Errors.GroupBy(e => e.PropertyName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().ErrorMessage, StringComparer.OrdinalIgnoreCase),
            []),
        StageGateException gate => new(Text.T.NextStageNeeds(Text.T.StageName(gate.Target)), new Dictionary<string, string>(), gate.Missing),
        DomainRuleException or DomainForbiddenException or ForbiddenAccessException or ConflictException or NotFoundException => new(exception.Message, new Dictionary<string, string>(), []),
        _ => throw new InvalidOperationException("Unexpected failure", exception),
    };

    public string? For(string field) => Fields.TryGetValue(field, out var message) ? message : null;
}
