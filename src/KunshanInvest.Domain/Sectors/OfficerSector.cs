namespace KunshanInvest.Domain.Sectors;

/// <summary>
/// An officer's default scope: a sector they work. An officer may work several sectors and a sector has several
/// officers; its lead officer (<see cref="Sector.LeadOfficerId"/>) is set apart.
/// </summary>
public sealed class OfficerSector
{
    private OfficerSector() { }

    public OfficerSector(Guid userId, Guid sectorId)
    {
        UserId = userId;
        SectorId = sectorId;
    }

    public Guid UserId { get; private set; }
    public Guid SectorId { get; private set; }
}
