using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Projects;
using KunshanInvest.Domain.Sectors;
using Microsoft.EntityFrameworkCore;
using KunshanInvest.Application.Common.Messages;

namespace KunshanInvest.Application.Sectors;

/// <summary>A sector as its admin page shows it: names, descriptions, active flag and its own limits (null = default).</summary>
public sealed record SectorSettingsDto(
    Guid Id, string Code, string NameZh, string NameEn, string? DescriptionZh, string? DescriptionEn, bool IsActive, SectorLimits Limits, int Version);

/// <summary>Every sector with its settings, and the configured defaults its null limits fall back to.</summary>
public sealed record SectorCatalog(IReadOnlyList<SectorSettingsDto> Sectors, SectorLimits Defaults);

internal static class SectorSettings
{
    public static IQueryable<SectorSettingsDto> Project(IQueryable<Sector> sectors) =>
        sectors.Select(s => new SectorSettingsDto(
            s.Id, s.Code, s.NameZh, s.NameEn, s.DescriptionZh, s.DescriptionEn, s.IsActive,
            new SectorLimits(s.SignedDays, s.RegisteredDays, s.LandSecuredDays, s.UnderConstructionDays, s.OperatingDays, s.AboveScaleDays, s.StaleActivityDays),
            s.Version));

    public static SectorSettingsDto From(Sector s) =>
        new(s.Id, s.Code, s.NameZh, s.NameEn, s.DescriptionZh, s.DescriptionEn, s.IsActive, s.Limits, s.Version);

    public static SectorLimits Defaults(StalledOptions o) =>
        new(o.SignedDays, o.RegisteredDays, o.LandSecuredDays, o.UnderConstructionDays, o.OperatingDays, o.AboveScaleDays, o.StaleActivityDays);

    /// <summary>Loads the sector for a change at <paramref name="version"/>: 404 when unknown, 409 when stale.</summary>
    public static async Task<Sector> ForEditAsync(IAppDbContext db, Guid id, int version, CancellationToken cancellationToken)
    {
        var sector = await db.Sectors.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException(nameof(Sector), id);
        if (sector.Version != version)
        {
            throw new ConflictException(M.ChangedSinceVersion.With(("what", M.Things.Sector), ("current", sector.Version), ("version", version)));
        }

        // Also guards the UPDATE against a save that lands in between.
        db.ExpectVersion(sector, version);
        return sector;
    }
}

/// <summary>Each limit, when set, is 1 to <see cref="SectorLimits.MaxDays"/> days; errors name "limits.signedDays" etc.</summary>
public sealed class SectorLimitsValidator : AbstractValidator<SectorLimits>
{
    public SectorLimitsValidator()
    {
        var message = M.SectorDays.With(("max", SectorLimits.MaxDays));
        RuleFor(x => x.SignedDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
        RuleFor(x => x.RegisteredDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
        RuleFor(x => x.LandSecuredDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
        RuleFor(x => x.UnderConstructionDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
        RuleFor(x => x.OperatingDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
        RuleFor(x => x.AboveScaleDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
        RuleFor(x => x.StaleActivityDays).InclusiveBetween(1, SectorLimits.MaxDays).WithMsg(message);
    }
}
