namespace KunshanInvest.Domain.Common;

/// <summary>
/// A business rule was broken by a well-formed request (mapped to 422). <see cref="Code"/> names the message in the
/// Application's catalogue, which words it in the reader's language with <see cref="Args"/>; the exception's own
/// message is for logs.
/// </summary>
public class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Args { get; init; } = new Dictionary<string, object?>();
}

/// <summary>The actor may not do this, whatever the data (mapped to 403).</summary>
public sealed class DomainForbiddenException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The record is not in a state that allows this (mapped to 409): verified twice, superseded twice, taken.</summary>
public sealed class DomainConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Args { get; init; } = new Dictionary<string, object?>();
}
