using KunshanInvest.Application.Common.Messages;
using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Targets;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateTarget(int Year, TargetMetric Metric, long Value, Guid? SectorId = null, Guid? OfficerId = null, Guid? ParkId = null) : ICommand<TargetDto>;

public sealed class CreateTargetValidator : AbstractValidator<CreateTarget>
{
    public CreateTargetValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(Target.MinYear, Target.MaxYear).WithMsg(M.YearRange);
        RuleFor(x => x.Metric).IsInEnum();
        RuleFor(x => x.Value).InclusiveBetween(0, Target.MaxValue).WithMsg(M.TargetValue);
    }
}

public sealed class CreateTargetHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<CreateTarget, TargetDto>
{
    public async ValueTask<TargetDto> Handle(CreateTarget command, CancellationToken cancellationToken)
    {
        if (command.SectorId is { } sector && !await db.Sectors.AnyAsync(s => s.Id == sector, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", M.NoSuchSector);
        }

        if (command.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park, cancellationToken))
        {
            throw FieldError.Invalid("parkId", M.NoSuchPark);
        }

        if (command.OfficerId is { } officer && !await users.IsStaffAsync(officer, cancellationToken))
        {
            throw FieldError.Invalid("officerId", M.NoSuchActiveStaff);
        }

        var taken = await db.Targets.AnyAsync(
            t => t.Year == command.Year && t.Metric == command.Metric && t.SectorId == command.SectorId && t.OfficerId == command.OfficerId && t.ParkId == command.ParkId,
            cancellationToken);
        if (taken)
        {
            throw new ConflictException(M.TargetExists);
        }

        var target = new Target(command.Year, command.Metric, command.Value, command.SectorId, command.OfficerId, command.ParkId);
        db.Targets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        return TargetDto.From(target);
    }
}
