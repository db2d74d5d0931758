using FluentValidation;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Reports.GetStageDurations;

/// <summary>
/// 阶段停留时长: median and 90th-percentile days projects spent in each pipeline stage, from the stage-change history,
/// counting the stays that ended within the period (see <see cref="IReportSql.StageDurationsAsync"/>). One statement.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record GetStageDurations(ReportFilter Filter) : IQuery<StageDurations>, IReportRequest;

public sealed record StageDurations(DateOnly From, DateOnly To, IReadOnlyList<StageDurationRow> Stages);

public sealed class GetStageDurationsValidator : AbstractValidator<GetStageDurations>
{
    public GetStageDurationsValidator() => this.AddReportFilterRules();
}

public sealed class GetStageDurationsHandler(IReportSql sql, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetStageDurations, StageDurations>
{
    public async ValueTask<StageDurations> Handle(GetStageDurations query, CancellationToken cancellationToken)
    {
        var scope = ReportScope.Resolve(query.Filter, user, clock);
        return new StageDurations(scope.From, scope.To, await sql.StageDurationsAsync(scope, cancellationToken));
    }
}
