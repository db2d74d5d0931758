namespace KunshanInvest.Application.Common.Security;

/// <summary>
/// Declares who may send a request. Checked by <see cref="Behaviours.AuthorizationBehavior{TMessage,TResponse}"/>
/// for every caller — endpoints and Blazor pages alike — so no entry point can forget it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeRequestAttribute : Attribute
{
    /// <summary>Comma-separated; any one suffices. Empty means any signed-in user.</summary>
    public string Roles { get; init; } = "";
}

/// <summary>Marks a request anyone may send, signed in or not.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AnonymousRequestAttribute : Attribute;
