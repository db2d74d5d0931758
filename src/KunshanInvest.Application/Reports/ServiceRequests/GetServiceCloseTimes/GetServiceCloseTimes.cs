using FluentValidation;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Reports.ServiceRequests.GetServiceCloseTimes;

/// <summary>办结用时: the median (and mean) days from 受理 to 办结 of the requests closed in the year, per department. One statement.</summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record GetServiceCloseTimes(int? Year = null) : IQuery<ServiceCloseTimes>;

public sealed record ServiceCloseTimes(int Year, IReadOnlyList<CloseTimeRow> Departments);

public sealed class GetServiceCloseTimesValidator : AbstractValidator<GetServiceCloseTimes>
{
    public GetServiceCloseTimesValidator() => this.AddYearRule(x => x.Year);
}

public sealed class GetServiceCloseTimesHandler(IServiceReportSql sql, TimeProvider clock) : IQueryHandler<GetServiceCloseTimes, ServiceCloseTimes>
{
    public async ValueTask<ServiceCloseTimes> Handle(GetServiceCloseTimes query, CancellationToken cancellationToken)
    {
        var (year, from, to) = new ServiceReportYear(query.Year).Resolve(clock);
        return new ServiceCloseTimes(year, await sql.CloseTimesAsync(from, to, cancellationToken));
    }
}
