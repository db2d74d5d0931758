namespace KunshanInvest.Web.Components;

/// <summary>Whether a link stays on this site: a rooted path, not "//host" or "/\\host", and no control characters.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
