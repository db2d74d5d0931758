namespace KunshanInvest.Application.Common.Security;

/// <summary>EventIds of the security log (等保 L3 audit of sign-ins and refusals), stable for log queries and alerts.</summary>
public static class SecurityEvents
{
    public const int SignInSucceeded = 4001;
    public const int SignInFailed = 4002;
    public const int SecondFactorRequired = 4003;
    public const int PasswordChanged = 4004;
    public const int AuthenticatorEnrolled = 4005;
    public const int AuthorizationDenied = 4010;
    public const int RequestDenied = 4011;
}
