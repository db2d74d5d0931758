using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reports.Targets;

// The Admin's yearly targets: list a year, set one, revise its value at the version read (If-Match), remove one.
// Each (year, metric, sector, officer, park) combination is set once; every change is audited by the interceptor.

public sealed record TargetDto(Guid Id, int Version, int Year, TargetMetric Metric, Guid? SectorId, Guid? OfficerId, Guid? ParkId, long Value)
{
    public static TargetDto From(Target t) => new(t.Id, t.Version, t.Year, t.Metric, t.SectorId, t.OfficerId, t.ParkId, t.Value);
}

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListTargets(int Year) : IQuery<IReadOnlyList<TargetDto>>;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateTarget(int Year, TargetMetric Metric, long Value, Guid? SectorId = null, Guid? OfficerId = null, Guid? ParkId = null) : ICommand<TargetDto>;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateTarget(Guid Id, int Version, long Value) : ICommand<TargetDto>;

[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record DeleteTarget(Guid Id, int Version) : ICommand<Unit>;

internal static class TargetRules
{
    public const string YearMessage = "年度须在 2000–2100 之间 / The year must lie between 2000 and 2100.";
    public const string ValueMessage = "目标值须为 0 至 10 万亿(分)之间的整数 / A target is a whole number from 0 up to 10 trillion (minor units).";
}

public sealed class ListTargetsValidator : AbstractValidator<ListTargets>
{
    public ListTargetsValidator() => RuleFor(x => x.Year).InclusiveBetween(Target.MinYear, Target.MaxYear).WithMessage(TargetRules.YearMessage);
}

public sealed class CreateTargetValidator : AbstractValidator<CreateTarget>
{
    public CreateTargetValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(Target.MinYear, Target.MaxYear).WithMessage(TargetRules.YearMessage);
        RuleFor(x => x.Metric).IsInEnum();
        RuleFor(x => x.Value).InclusiveBetween(0, Target.MaxValue).WithMessage(TargetRules.ValueMessage);
    }
}

public sealed class UpdateTargetValidator : AbstractValidator<UpdateTarget>
{
    public UpdateTargetValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Value).InclusiveBetween(0, Target.MaxValue).WithMessage(TargetRules.ValueMessage);
    }
}

public sealed class ListTargetsHandler(IAppDbContext db) : IQueryHandler<ListTargets, IReadOnlyList<TargetDto>>
{
    public async ValueTask<IReadOnlyList<TargetDto>> Handle(ListTargets query, CancellationToken cancellationToken) =>
        await db.Targets.AsNoTracking()
            .Where(t => t.Year == query.Year)
            .OrderBy(t => t.Metric).ThenBy(t => t.SectorId).ThenBy(t => t.OfficerId).ThenBy(t => t.ParkId)
            .Select(t => new TargetDto(t.Id, t.Version, t.Year, t.Metric, t.SectorId, t.OfficerId, t.ParkId, t.Value))
            .ToListAsync(cancellationToken);
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

public sealed class DeleteTargetHandler(IAppDbContext db) : ICommandHandler<DeleteTarget, Unit>
{
    public async ValueTask<Unit> Handle(DeleteTarget command, CancellationToken cancellationToken)
    {
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Target), command.Id);
        db.ExpectVersion(target, command.Version);
        db.Targets.Remove(target);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
