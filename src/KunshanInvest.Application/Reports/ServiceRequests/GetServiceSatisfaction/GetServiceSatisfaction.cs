using FluentValidation;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Reports.ServiceRequests.GetServiceSatisfaction;

/// <summary>满意度: the return visits of the year per department and Kunshan month, with their average satisfaction (1–5). One statement.</summary>
[AuthorizeRequest(Roles = Roles.Manager)]
public sealed record GetServiceSatisfaction(int? Year = null) : IQuery<ServiceSatisfaction>;

/// <param name="Visits">All the year's return visits.</param>
/// <param name="AverageSatisfaction">Over all of them; null without any.</param>
public sealed record ServiceSatisfaction(int Year, int Visits, double? AverageSatisfaction, IReadOnlyList<SatisfactionRow> Rows);

public sealed class GetServiceSatisfactionValidator : AbstractValidator<GetServiceSatisfaction>
{
    public GetServiceSatisfactionValidator() => this.AddYearRule(x => x.Year);
}

public sealed class GetServiceSatisfactionHandler(IServiceReportSql sql, TimeProvider clock) : IQueryHandler<GetServiceSatisfaction, ServiceSatisfaction>
{
    public async ValueTask<ServiceSatisfaction> Handle(GetServiceSatisfaction query, CancellationToken cancellationToken)
    {
        var (year, from, to) = new ServiceReportYear(query.Year).Resolve(clock);
        var rows = await sql.SatisfactionAsync(from, to, cancellationToken);
        var visits = rows.Sum(r => r.Visits);
        return new ServiceSatisfaction(year, visits, visits == 0 ? null : rows.Sum(r => r.AverageSatisfaction * r.Visits) / visits, rows);
    }
}
