namespace KunshanInvest.Application.Common.Security;

/// <summary>Who is asking. Implemented by the host from the HTTP user or the Blazor circuit's user.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }
    string? UserName { get; }
    bool IsAuthenticated { get; }
    bool IsInRole(string role);
}
