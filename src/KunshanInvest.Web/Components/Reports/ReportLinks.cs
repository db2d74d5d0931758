using KunshanInvest.Application.Reports;

namespace KunshanInvest.Web.Components.Reports;

public static class ReportLinks
{
    /// <summary>The API address of a report download under a filter (the cookie signs it in).</summary>
    public static string Href(string file, ReportFilter filter)
    {
        var query = new List<string>();
        if (filter.From is { } f) { query.Add($"from={f:yyyy-MM-dd}"); }
        if (filter.To is { } t) { query.Add($"to={t:yyyy-MM-dd}"); }
        if (filter.SectorId is { } s) { query.Add($"sectorId={s}"); }
        if (filter.ParkId is { } p) { query.Add($"parkId={p}"); }
        if (filter.OfficerId is { } o) { query.Add($"officerId={o}"); }
        return $"/api/v1/reports/{file}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
