using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Jobs.ManageJobs;

/// <summary>The recurring jobs with their schedule and last and next run (Admin page and API).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListJobs : IQuery<JobList>;

public sealed record JobList(bool Enabled, IReadOnlyList<RecurringJobInfo> Jobs);

public sealed class ListJobsHandler(IJobScheduler scheduler) : IQueryHandler<ListJobs, JobList>
{
    public ValueTask<JobList> Handle(ListJobs query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new JobList(scheduler.IsEnabled, scheduler.IsEnabled ? scheduler.RecurringJobs() : []));
}
