namespace KunshanInvest.Domain.Projects;

public enum SourceChannel
{
    Conference = 0,
    Expo = 1,
    OverseasOffice = 2,

    /// <summary>以商引商: an enterprise already in the zone refers a peer.</summary>
    BusinessReferral = 3,
    Intermediary = 4,
    PartnerPortal = 5,
    WalkIn = 6,
}
