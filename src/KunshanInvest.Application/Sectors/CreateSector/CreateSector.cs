using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Sectors.ListSectors;
using KunshanInvest.Domain.Sectors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Sectors.CreateSector;

/// <summary>An Admin opens a new industry chain (e.g. low-altitude aircraft 低空飞行器).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateSector(string Code, string NameZh, string NameEn, string? DescriptionZh, string? DescriptionEn) : ICommand<SectorDto>;

public sealed class CreateSectorValidator : AbstractValidator<CreateSector>
{
    public CreateSectorValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Sector.CodeMaxLength)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMsg(M.CodeFormat);
        RuleFor(x => x.NameZh).NotEmpty().MaximumLength(Sector.NameMaxLength);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(Sector.NameMaxLength);
        RuleFor(x => x.DescriptionZh).MaximumLength(Sector.DescriptionMaxLength);
        RuleFor(x => x.DescriptionEn).MaximumLength(Sector.DescriptionMaxLength);
    }
}

public sealed class CreateSectorHandler(IAppDbContext db) : ICommandHandler<CreateSector, SectorDto>
{
    public async ValueTask<SectorDto> Handle(CreateSector command, CancellationToken cancellationToken)
    {
        if (await db.Sectors.AnyAsync(s => s.Code == command.Code, cancellationToken))
        {
            throw new ConflictException(M.CodeTaken.With(("code", command.Code)));
        }

        var sector = new Sector(command.Code, command.NameZh.Trim(), command.NameEn.Trim());
        sector.Describe(command.DescriptionZh, command.DescriptionEn);
        db.Sectors.Add(sector);
        await db.SaveChangesAsync(cancellationToken);
        return new SectorDto(sector.Id, sector.Code, sector.NameZh, sector.NameEn, sector.DescriptionZh, sector.DescriptionEn, sector.IsActive, sector.Version);
    }
}
