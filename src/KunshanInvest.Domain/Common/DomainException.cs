namespace KunshanInvest.Domain.Common;

/// <summary>A business rule was broken by a well-formed request (mapped to 422).</summary>
public class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The actor may not do this, whatever the data (mapped to 403).</summary>
public sealed class DomainForbiddenException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
