using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using Mediator;

namespace KunshanInvest.Application.Jobs.ManageJobs;

/// <summary>"Run now": queues one run of a recurring job on whichever server picks it up.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record RunJobNow(string Name) : ICommand;

public sealed class RunJobNowValidator : AbstractValidator<RunJobNow>
{
    public RunJobNowValidator() =>
        RuleFor(c => c.Name).NotEmpty().Must(n => JobNames.All.Contains(n)).WithMsg(M.NoSuchJob);
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
