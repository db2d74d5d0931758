using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
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

/// <summary>"Run now": queues one run of a recurring job on whichever server picks it up.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RunJobNow(string Name) : ICommand;

public sealed class RunJobNowValidator : AbstractValidator<RunJobNow>
{
    public RunJobNowValidator() =>
        RuleFor(c => c.Name).NotEmpty().Must(n => JobNames.All.Contains(n)).WithMessage("没有这个任务 / No such job.");
}

public sealed class RunJobNowHandler(IJobScheduler scheduler) : ICommandHandler<RunJobNow>
{
    public ValueTask<Unit> Handle(RunJobNow command, CancellationToken cancellationToken)
    {
        if (!scheduler.IsEnabled || !scheduler.Trigger(command.Name))
        {
            throw new NotFoundException("Job", command.Name);
        }

        return ValueTask.FromResult(Unit.Value);
    }
}
