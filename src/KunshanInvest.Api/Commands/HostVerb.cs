namespace KunshanInvest.Api.Commands;

/// <summary>
/// A one-shot command run instead of the server (<c>dotnet run --project src/KunshanInvest.Api -- seed …</c>, <c>-- snapshot</c>, <c>-- backup PATH</c>): it
/// gets the app's fully configured services, does its work and exits with a code.
/// </summary>
internal interface IHostVerb
{
    Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal static class HostVerbs
{
    /// <summary>
    /// Takes the verb and its own options off the command line; what remains (e.g. <c>--Database:Provider</c>)
    /// configures the host as usual. No verb: the arguments are the host's and the server runs.
    /// </summary>
    public static (IHostVerb? Verb, string[] HostArgs) Split(string[] args) => args switch
    {
        ["seed", .. var rest] => SeedVerb.Parse(rest),
        ["snapshot", .. var rest] => (new SnapshotVerb(), rest),
        ["backup", .. var rest] => BackupVerb.Parse(rest),
        ["verify-audit", .. var rest] => (new VerifyAuditVerb(), rest),
        _ => (null, args),
    };
}
