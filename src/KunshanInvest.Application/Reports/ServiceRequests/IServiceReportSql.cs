using FluentValidation;

namespace KunshanInvest.Application.Reports.ServiceRequests;

/// <summary>
/// The service request reports' statements LINQ cannot write (window functions, the Kunshan month of an instant), per
/// provider in Infrastructure through the SqlDialect. One statement each.
/// </summary>
public interface IServiceReportSql
{
    /// <summary>
    /// Days from 受理 to 办结 of the requests closed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), per department:
    /// the count, the median (of an even count, the mean of the two middle values) and the mean.
    /// </summary>
    Task<IReadOnlyList<CloseTimeRow>> CloseTimesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Return visits recorded in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) per department and Kunshan month (<c>yyyy-MM</c>): count and average satisfaction (1–5).</summary>
    Task<IReadOnlyList<SatisfactionRow>> SatisfactionAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

public sealed record CloseTimeRow(Guid DepartmentId, string NameZh, string NameEn, int Closed, double MedianDays, double MeanDays);

public sealed record SatisfactionRow(Guid DepartmentId, string NameZh, string NameEn, string Month, int Visits, double AverageSatisfaction);

/// <summary>The service reports' period: a calendar year (Kunshan), the current one when none is given.</summary>
public sealed record ServiceReportYear(int? Year)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public (int Year, DateTime FromUtc, DateTime ToUtc) Resolve(TimeProvider clock)
    {
        var year = Year ?? Common.BureauCalendar.BureauToday(clock).Year;
        return (year, Common.BureauCalendar.ToUtc(new DateOnly(year, 1, 1), TimeOnly.MinValue), Common.BureauCalendar.ToUtc(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue));
    }
}

internal static class ServiceReportRules
{
    public static void AddYearRule<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int?>> year) =>
        validator.RuleFor(year).InclusiveBetween(ServiceReportYear.MinYear, ServiceReportYear.MaxYear);
}
