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
        RuleFor(x => x.Year).InclusiveBetween(Target.MinYear, Target.MaxYear).WithMessage(TargetRules.YearMessage);
        RuleFor(x => x.Metric).IsInEnum();
        RuleFor(x => x.Value).InclusiveBetween(0, Target.MaxValue).WithMessage(TargetRules.ValueMessage);
    }
}

public sealed class CreateTargetHandler(IAppDbContext db, IUserDirectory users) : ICommandHandler<CreateTarget, TargetDto>
{
    public async ValueTask<TargetDto> Handle(CreateTarget command, CancellationToken cancellationToken)
    {
        if (command.SectorId is { } sector && !await db.Sectors.AnyAsync(s => s.Id == sector, cancellationToken))
        {
            throw FieldError.Invalid("sectorId", "产业链不存在 / No such sector.");
        }

        if (command.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park, cancellationToken))
        {
            throw FieldError.Invalid("parkId", "载体不存在 / No such park.");
        }

        if (command.OfficerId is { } officer && !await users.IsStaffAsync(officer, cancellationToken))
        {
            throw FieldError.Invalid("officerId", "该用户不是在职工作人员 / No such active staff member.");
        }

        var taken = await db.Targets.AnyAsync(
            t => t.Year == command.Year && t.Metric == command.Metric && t.SectorId == command.SectorId && t.OfficerId == command.OfficerId && t.ParkId == command.ParkId,
            cancellationToken);
        if (taken)
        {
            throw new ConflictException("该年度、指标和范围的目标已存在,请修改原目标 / A target for this year, metric and scope exists already: revise it instead.");
        }

        var target = new Target(command.Year, command.Metric, command.Value, command.SectorId, command.OfficerId, command.ParkId);
        db.Targets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        return TargetDto.From(target);
    }
}
