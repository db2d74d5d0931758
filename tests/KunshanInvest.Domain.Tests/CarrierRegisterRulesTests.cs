using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Tests;

/// <summary>The register's rules on parcels and premises: areas, prices, structure, status moves and a sold parcel.</summary>
public sealed class CarrierRegisterRulesTests
{
    private static readonly Guid Park = Guid.CreateVersion7();
    private static readonly Guid Admin = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100_000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_parcels_area_is_more_than_zero_and_at_most_a_hundred_thousand_mu(double mu)
    {
        var error = Assert.Throws<DomainRuleException>(() => new LandParcel("G-1", Park, mu, CarrierUse.Industrial, ParcelStatus.Available, null, null));
        Assert.Equal("carrier.area", error.Code);
    }

    [Fact]
    public void A_parcel_needs_its_code_a_known_use_and_no_negative_price()
    {
        Assert.Equal("carrier.code", Assert.Throws<DomainRuleException>(() => new LandParcel("  ", Park, 10, CarrierUse.Industrial, ParcelStatus.Available, null, null)).Code);
        Assert.Equal("carrier.code", Assert.Throws<DomainRuleException>(() => new LandParcel(new string('G', 41), Park, 10, CarrierUse.Industrial, ParcelStatus.Available, null, null)).Code);
        Assert.Equal("carrier.use", Assert.Throws<DomainRuleException>(() => new LandParcel("G-1", Park, 10, (CarrierUse)7, ParcelStatus.Available, null, null)).Code);
        Assert.Equal("carrier.price", Assert.Throws<DomainRuleException>(() => new LandParcel("G-1", Park, 10, CarrierUse.Industrial, ParcelStatus.Available, -1, null)).Code);
        Assert.Equal("carrier.status", Assert.Throws<DomainRuleException>(() => new LandParcel("G-1", Park, 10, CarrierUse.Industrial, (ParcelStatus)5, null, null)).Code);

        var parcel = new LandParcel(" G-1 ", Park, 10, CarrierUse.Industrial, ParcelStatus.Available, 0, "  ");
        Assert.Equal(("G-1", (string?)null), (parcel.Code, parcel.Note));
        parcel.Recode(" G-2 ");
        Assert.Equal("G-2", parcel.Code);
    }

    [Fact]
    public void Leaving_available_drops_the_reservation_and_a_supplied_parcel_stays_sold()
    {
        var project = Guid.CreateVersion7();
        var parcel = new LandParcel("G-1", Park, 45, CarrierUse.Industrial, ParcelStatus.Available, null, null);
        parcel.Reserve(project, Admin, Now);
        parcel.SetStatus(ParcelStatus.Reserve);
        Assert.Null(parcel.ReservedForProjectId);
        Assert.Throws<DomainConflictException>(() => parcel.Reserve(project, Admin, Now));

        parcel.SetStatus(ParcelStatus.Available);
        var supplied = parcel.Supply(project, Admin, Now);
        Assert.Equal((CarrierEventKind.Supplied, CarrierKind.Parcel, (Guid?)project), (supplied.Kind, supplied.CarrierKind, supplied.ProjectId));
        Assert.Equal(ParcelStatus.Sold, parcel.Status);
        Assert.Equal("carrier.sold", Assert.Throws<DomainConflictException>(() => parcel.SetStatus(ParcelStatus.Available)).Code);
        parcel.SetStatus(ParcelStatus.Sold); // staying sold is no change
    }

    [Fact]
    public void A_parcel_marked_sold_by_hand_without_a_project_can_be_put_back()
    {
        var parcel = new LandParcel("G-1", Park, 45, CarrierUse.Industrial, ParcelStatus.Sold, null, null);
        parcel.SetStatus(ParcelStatus.Available);
        Assert.Equal(ParcelStatus.Available, parcel.Status);
    }

    [Theory]
    [InlineData(0, 0, null, 1)]
    [InlineData(100, 101, null, 1)]
    [InlineData(100, -1, null, 1)]
    [InlineData(1_000_001, 0, null, 1)]
    public void Premises_area_and_vacancy_are_checked(double area, double vacant, double? load, int floors)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Premises(Park, "A1", PremisesKind.StandardFactory, area, vacant, load, floors, null, null));
        Assert.Equal("carrier.area", error.Code);
    }

    [Theory]
    [InlineData(0d, 1)]
    [InlineData(1001d, 1)]
    [InlineData(8d, 0)]
    [InlineData(8d, 201)]
    public void Premises_structure_is_checked(double load, int floors)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Premises(Park, "A1", PremisesKind.StandardFactory, 100, 0, load, floors, null, null));
        Assert.Equal("carrier.structure", error.Code);
    }

    [Fact]
    public void Premises_need_a_building_a_known_kind_and_no_negative_rent_and_supplying_them_leaves_nothing_vacant()
    {
        Assert.Equal("carrier.building", Assert.Throws<DomainRuleException>(() => new Premises(Park, " ", PremisesKind.Office, 100, 0, null, 1, null, null)).Code);
        Assert.Equal("carrier.kind", Assert.Throws<DomainRuleException>(() => new Premises(Park, "A", (PremisesKind)4, 100, 0, null, 1, null, null)).Code);
        Assert.Equal("carrier.price", Assert.Throws<DomainRuleException>(() => new Premises(Park, "A", PremisesKind.Office, 100, 0, null, 1, -5, null)).Code);

        var full = new Premises(Park, "A", PremisesKind.Office, 100, 0, null, 1, null, null);
        Assert.Throws<DomainConflictException>(() => full.Reserve(Guid.CreateVersion7(), Admin, Now));

        var premises = new Premises(Park, " B 座 ", PremisesKind.Office, 100, 40, 3.5, 12, 60_00, null);
        Assert.Equal("B 座", premises.Building);
        premises.Supply(Guid.CreateVersion7(), Admin, Now);
        Assert.Equal((PremisesStatus.Occupied, 0d), (premises.Status, premises.VacantM2));
    }
}
