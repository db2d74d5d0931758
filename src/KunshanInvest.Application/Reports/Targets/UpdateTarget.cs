using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Targets;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateTarget(Guid Id, int Version, long Value) : ICommand<TargetDto>;

public sealed class UpdateTargetValidator : AbstractValidator<UpdateTarget>
{
    public UpdateTargetValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Value).InclusiveBetween(0, Target.MaxValue).WithMsg(M.TargetValue);
    }
}

public sealed class UpdateTargetHandler(IAppDbContext db) : ICommandHandler<UpdateTarget, TargetDto>
{
    public async ValueTask<TargetDto> Handle(UpdateTarget command, CancellationToken cancellationToken)
    {
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Target), command.Id);
        db.ExpectVersion(target, command.Version);
        target.Revise(command.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TargetDto.From(target);
    }
}
