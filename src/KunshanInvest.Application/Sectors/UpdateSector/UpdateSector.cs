using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Sectors;
using Mediator;

namespace KunshanInvest.Application.Sectors.UpdateSector;

/// <summary>
/// An Admin renames a sector, edits its descriptions and sets its own 六未 and stale-activity limits (null = the
/// configured default), at the <paramref name="Version"/> last read (If-Match). The code never changes: reports key on it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateSector(Guid Id, int Version, string NameZh, string NameEn, string? DescriptionZh, string? DescriptionEn, SectorLimits? Limits)
    : ICommand<SectorSettingsDto>;

public sealed class UpdateSectorValidator : AbstractValidator<UpdateSector>
{
    public UpdateSectorValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.NameZh).NotEmpty().MaximumLength(Sector.NameMaxLength);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(Sector.NameMaxLength);
        RuleFor(x => x.DescriptionZh).MaximumLength(Sector.DescriptionMaxLength);
        RuleFor(x => x.DescriptionEn).MaximumLength(Sector.DescriptionMaxLength);
        RuleFor(x => x.Limits).SetValidator(new SectorLimitsValidator()!);
    }
}

public sealed class UpdateSectorHandler(IAppDbContext db) : ICommandHandler<UpdateSector, SectorSettingsDto>
{
    public async ValueTask<SectorSettingsDto> Handle(UpdateSector command, CancellationToken cancellationToken)
    {
        var sector = await SectorSettings.ForEditAsync(db, command.Id, command.Version, cancellationToken);
        sector.Rename(command.NameZh.Trim(), command.NameEn.Trim());
        sector.Describe(Blank(command.DescriptionZh), Blank(command.DescriptionEn));
        // PUT replaces the whole editable set: no limits means the configured defaults for every stage.
        sector.SetLimits(command.Limits ?? new SectorLimits());
        await db.SaveChangesAsync(cancellationToken);
        return SectorSettings.From(sector);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
