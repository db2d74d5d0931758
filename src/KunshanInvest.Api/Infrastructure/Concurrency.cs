using KunshanInvest.Application.Common.Exceptions;
using Microsoft.Net.Http.Headers;

namespace KunshanInvest.Api.Infrastructure;

/// <summary>
/// Optimistic concurrency over HTTP: reads return the aggregate's Version as a weak ETag; writes must send it back
/// in If-Match. A stale version is a 409 (from the save); a missing or malformed If-Match is a 428.
/// </summary>
internal static class Concurrency
{
    public static string ETag(int version) => $"W/\"{version}\"";

    public static void SetETag(HttpResponse response, int version) => response.Headers.ETag = ETag(version);

    public static int RequireIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (EntityTagHeaderValue.TryParse(header, out var tag) && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) && version >= 0)
        {
            return version;
        }

        throw new PreconditionRequiredException();
    }
}
