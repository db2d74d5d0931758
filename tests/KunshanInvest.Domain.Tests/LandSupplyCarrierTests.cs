using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

/// <summary>供地's carrier on the milestone, and the carrier's reserve → supply path it relies on.</summary>
public sealed class LandSupplyCarrierTests
{
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid User = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);

    private static ProjectMilestone Land() => new(Project, MilestoneKind.LandSupplied, User, Now);

    [Fact]
    public void Land_supply_links_one_parcel_or_one_premises_and_clears_a_reason()
    {
        var milestone = Land();
        milestone.SupplyWithoutCarrier("  企业自有土地 ", User);
        Assert.Equal("企业自有土地", milestone.NoCarrierReason);
        Assert.False(milestone.HasCarrier);

        var parcel = Guid.NewGuid();
        milestone.LinkCarrier(parcel, null);
        Assert.Equal(parcel, milestone.LandParcelId);
        Assert.Null(milestone.NoCarrierReason);
        Assert.Null(milestone.NoCarrierById);
        Assert.True(milestone.HasCarrier);

        Assert.Equal("matching.one_carrier", Assert.Throws<DomainRuleException>(() => milestone.LinkCarrier(parcel, Guid.NewGuid())).Code);
        Assert.Equal("matching.one_carrier", Assert.Throws<DomainRuleException>(() => milestone.LinkCarrier(null, null)).Code);
    }

    [Fact]
    public void Only_land_supply_takes_a_carrier_and_a_reason_must_say_something()
    {
        var started = new ProjectMilestone(Project, MilestoneKind.ConstructionStarted, User, Now);
        Assert.Throws<DomainRuleException>(() => started.LinkCarrier(Guid.NewGuid(), null));
        Assert.Throws<DomainRuleException>(() => started.SupplyWithoutCarrier("理由", User));
        Assert.Equal("matching.carrier_required", Assert.Throws<DomainRuleException>(() => Land().SupplyWithoutCarrier("  ", User)).Code);
    }

    [Fact]
    public void A_parcel_reserved_for_the_project_is_supplied_to_it_and_not_to_another()
    {
        var parcel = new LandParcel("KS-1", Guid.NewGuid(), 50, CarrierUse.Industrial, ParcelStatus.Available, null, null);
        var reserved = parcel.Reserve(Project, User, Now);
        Assert.Equal(CarrierEventKind.Reserved, reserved.Kind);
        Assert.Equal("carrier.reserved", Assert.Throws<DomainConflictException>(() => parcel.Supply(Other, User, Now)).Code);

        var supplied = parcel.Supply(Project, User, Now);
        Assert.Equal((CarrierEventKind.Supplied, (Guid?)Project), (supplied.Kind, supplied.ProjectId));
        Assert.Equal(ParcelStatus.Sold, parcel.Status);
        Assert.Null(parcel.ReservedForProjectId);
        Assert.Equal("carrier.not_available", Assert.Throws<DomainConflictException>(() => parcel.Reserve(Other, User, Now)).Code);
    }
}
