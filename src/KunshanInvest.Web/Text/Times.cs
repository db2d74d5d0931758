using KunshanInvest.Application.Common;

namespace KunshanInvest.Web.Text;

/// <summary>Instants are stored in UTC; the bureau reads them in Kunshan time (UTC+8), whatever the server's zone.</summary>
public static class Times
{
    public static string Minute(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(BureauCalendar.Offset);
}
