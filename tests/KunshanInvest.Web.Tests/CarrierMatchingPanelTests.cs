using KunshanInvest.Application.CarrierMatching;
using KunshanInvest.Application.CarrierMatching.FindCarriersForProject;
using KunshanInvest.Application.CarrierMatching.ReserveCarrier;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Milestones.ListMilestones;
using KunshanInvest.Application.Milestones.RecordMilestone;
using KunshanInvest.Application.Parks;
using KunshanInvest.Application.Parks.ListParks;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Web.Components.CarrierMatching;
using KunshanInvest.Web.Components.Milestones;
using MudBlazor;

namespace KunshanInvest.Web.Tests;

public sealed class CarrierMatchingPanelTests : ComponentTest
{
    private static readonly Guid ProjectId = Guid.NewGuid();
    private static readonly Guid Park = Guid.NewGuid();
    private static readonly Guid Near = Guid.NewGuid();
    private static readonly Guid Far = Guid.NewGuid();

    private static CarrierMatches Found(CarrierHeld? reservation = null, bool canReserve = true) => new(
        ProjectId, ProjectStage.Signed, true, canReserve, new CarrierNeed(CarrierKind.Parcel, 50, CarrierUse.Industrial, null, Park, 40, 75),
        [
            new CarrierMatch(1, CarrierKind.Parcel, Near, "KS-2026-01", Park, "昆山开发区", "KDZ", 48, CarrierUse.Industrial, null, 30_000_000, true, reservation?.Id == Near),
            new CarrierMatch(2, CarrierKind.Parcel, Far, "KS-2026-02", Park, "昆山开发区", "KDZ", 60, CarrierUse.Industrial, null, null, true, false),
        ],
        reservation, null);

    [Fact]
    public async Task The_matches_show_as_cards_in_rank_order_and_reserving_sends_the_carrier()
    {
        Sender.Respond = m => m switch
        {
            FindCarriersForProject => Found(),
            ListParks => (IReadOnlyList<ParkDto>)[new ParkDto(Park, "kdz", "昆山开发区", "KDZ", null, 1)],
            _ => null,
        };
        var cut = Render<CarrierMatchPanel>(p => p.Add(x => x.ProjectId, ProjectId));

        Assert.Equal(["KS-2026-01", "KS-2026-02"], cut.FindAll("[data-testid=carrier-match]").Select(c => c.GetAttribute("data-code")));
        Assert.Contains("80%", cut.Find("[data-testid=carrier-rule]").TextContent.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("/carriers/parcels/" + Near, cut.Find("[data-testid=carrier-match] a").GetAttribute("href"), StringComparison.Ordinal);
        await cut.FindAll("[data-testid=carrier-reserve]")[0].ClickAsync(new());
        Assert.Equal(new ReserveCarrier(ProjectId, CarrierKind.Parcel, Near), Sender.Sent.OfType<ReserveCarrier>().Single());
    }

    [Fact]
    public void A_reader_who_may_not_reserve_sees_no_buttons_and_the_reservation_shows_with_its_release()
    {
        var held = new CarrierHeld(CarrierKind.Parcel, Near, "KS-2026-01", "昆山开发区", "KDZ", 48, DateTime.UtcNow);
        Sender.Respond = m => m is FindCarriersForProject ? Found(held, canReserve: false) : m is ListParks ? (IReadOnlyList<ParkDto>)[] : null;
        var cut = Render<CarrierMatchPanel>(p => p.Add(x => x.ProjectId, ProjectId));

        Assert.Empty(cut.FindAll("[data-testid=carrier-reserve]"));
        Assert.Contains("KS-2026-01", cut.Find("[data-testid=carrier-reservation]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=carrier-release]"));
    }

    [Fact]
    public async Task The_land_supply_step_preselects_the_reserved_parcel_and_sends_it()
    {
        var held = new CarrierHeld(CarrierKind.Parcel, Near, "KS-2026-01", "昆山开发区", "KDZ", 48, DateTime.UtcNow);
        var listed = new ProjectMilestones(ProjectId, ProjectStage.Registered, true, false,
        [
            MilestoneDto.Empty(MilestoneKind.Registered) with { IsRecorded = true, IsReached = true, ActualOn = new(2025, 1, 10), CreditCode = "91320583MA0DE0013C" },
            .. MilestoneKinds.All.Skip(1).Select(MilestoneDto.Empty),
        ]);
        Sender.Respond = m => m switch
        {
            ListMilestones => listed,
            FindCarriersForProject => Found(held),
            _ => null,
        };
        var cut = Render<MilestonesPanel>(p => p.Add(x => x.ProjectId, ProjectId));

        var dates = cut.FindComponents<MudTextField<string>>();
        await cut.InvokeAsync(() => dates[1].Instance.ValueChanged.InvokeAsync("2025-03-01"));
        await cut.Find("[data-testid=milestone-save]").ClickAsync(new());

        var sent = Sender.Sent.OfType<RecordMilestone>().Single();
        Assert.Equal(MilestoneKind.LandSupplied, sent.Kind);
        Assert.Equal(Near, sent.LandParcelId);
        Assert.Null(sent.PremisesId);
        Assert.Null(sent.NoCarrierReason);
    }
}
