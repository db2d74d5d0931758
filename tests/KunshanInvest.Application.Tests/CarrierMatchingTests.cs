using KunshanInvest.Application.CarrierMatching;
using KunshanInvest.Application.CarrierMatching.FindCarriersForProject;
using KunshanInvest.Application.CarrierMatching.ReleaseCarrier;
using KunshanInvest.Application.CarrierMatching.ReserveCarrier;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Milestones;
using KunshanInvest.Application.Milestones.RecordMilestone;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure;
using KunshanInvest.Infrastructure.Persistence;
using KunshanInvest.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>
/// 载体匹配 on a real database of each provider: the ranking against hand-made parcels and premises, fixed statement
/// counts, reservation with its history line and its race, and 供地 supplying the carrier (or a manager's reason).
/// </summary>
public abstract class CarrierMatchingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Guid _officer;
    private Guid _colleague;
    private Guid _manager;
    private Guid _parkA;
    private Guid _parkB;
    private Guid _project;
    private Guid _other;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _officer = await _db.AddStaffAsync("officer", Roles.Officer);
        _colleague = await _db.AddStaffAsync("colleague", Roles.Officer);
        _manager = await _db.AddStaffAsync("manager", Roles.Manager);
        var a = new Park("pa", "昆山开发区", "Kunshan Development Zone", null);
        var b = new Park("pb", "昆山高新区", "Kunshan High-tech Zone", null);
        var project = Project("KM-0001", _officer, a.Id, 50);
        var other = Project("KM-0002", _colleague, b.Id, 50);
        await using (var db = _db.NewContext())
        {
            db.AddRange(a, b, project, other);
            await db.SaveChangesAsync();
        }

        (_parkA, _parkB, _project, _other) = (a.Id, b.Id, project.Id, other.Id);
        As(_officer, Roles.Officer);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private InvestmentProject Project(string code, Guid owner, Guid park, double mu)
    {
        var project = new InvestmentProject(code, $"项目 {code}", SourceChannel.WalkIn, owner, _db.Clock.GetUtcNow().UtcDateTime.AddDays(-30));
        project.Place(null, null, park);
        project.Pledge(null, null, null, null, null, mu);
        return project;
    }

    private void As(Guid id, string role)
    {
        var user = TestUser.As(id.ToString("N")[..8], role);
        user.Id = id;
        _db.User = user;
    }

    private async Task<Guid> ParcelAsync(string code, Guid park, double mu, long? price, CarrierUse use = CarrierUse.Industrial, ParcelStatus status = ParcelStatus.Available, Guid? reservedFor = null)
    {
        await using var db = _db.NewContext();
        var parcel = new LandParcel(code, park, mu, use, status, price, null);
        if (reservedFor is { } project)
        {
            parcel.Reserve(project, _manager, DateTime.UtcNow);
        }

        db.LandParcels.Add(parcel);
        await db.SaveChangesAsync();
        return parcel.Id;
    }

    private async Task<Guid> PremisesAsync(string building, Guid park, double vacant, long? rent, PremisesKind kind = PremisesKind.StandardFactory)
    {
        await using var db = _db.NewContext();
        var premises = new Premises(park, building, kind, vacant * 2, vacant, 10, 2, rent, null);
        db.Premises.Add(premises);
        await db.SaveChangesAsync();
        return premises.Id;
    }

    private async Task<CarrierMatches> FindAsync(FindCarriersForProject query, StatementCounter? counter = null)
    {
        await using var db = counter is null ? _db.NewContext() : _db.NewContext(counter);
        return await new FindCarriersForProjectHandler(db, _db.User).Handle(query, CancellationToken.None);
    }

    private async Task<CarrierHeld> ReserveAsync(Guid project, CarrierKind kind, Guid carrier)
    {
        await using var db = _db.NewContext();
        return await new ReserveCarrierHandler(db, _db.User, _db.Clock).Handle(new ReserveCarrier(project, kind, carrier), CancellationToken.None);
    }

    private async Task ReleaseAsync(Guid project, string? note = null)
    {
        await using var db = _db.NewContext();
        await new ReleaseCarrierHandler(db, _db.User, _db.Clock).Handle(new ReleaseCarrier(project, note), CancellationToken.None);
    }

    private async Task<MilestoneDto> SupplyAsync(RecordMilestone command)
    {
        var folder = Directory.CreateTempSubdirectory("ki-match-").FullName;
        var store = new FileAttachmentStore(new DatabaseOptions { DataDirectory = folder }, new HostingEnvironment { ContentRootPath = folder });
        await using var db = _db.NewContext();
        return await new RecordMilestoneHandler(db, _db.User, store, _db.Clock, Options.Create(new AboveScaleOptions())).Handle(command, CancellationToken.None);
    }

    private async Task<List<CarrierEvent>> EventsAsync(Guid carrier)
    {
        await using var db = _db.NewContext();
        return await db.CarrierEvents.Where(e => e.CarrierId == carrier).OrderBy(e => e.AtUtc).ThenBy(e => e.Kind).ToListAsync();
    }

    private static RecordMilestone LandSupplied(Guid project, Guid? parcel = null, Guid? premises = null, double? mu = null, string? reason = null) =>
        new(project, MilestoneKind.LandSupplied, null, new DateOnly(2026, 6, 1), LandMu: mu, LandParcelId: parcel, PremisesId: premises, NoCarrierReason: reason);

    // ---- matching ----

    [Fact]
    public async Task Parcels_rank_preferred_park_then_closest_area_within_the_band_then_price_and_the_rest_do_not_fit()
    {
        var a48 = await ParcelAsync("A-48", _parkA, 48, 200);    // |−2|
        var a52 = await ParcelAsync("A-52", _parkA, 52, 300);    // |+2|, dearer than A-48
        var a55 = await ParcelAsync("A-55", _parkA, 55, 100);    // |+5|: cheapest, but further
        var b50 = await ParcelAsync("B-50", _parkB, 50, 50);     // exact, but not the preferred park
        var b50n = await ParcelAsync("B-50N", _parkB, 50, null); // no price: after the priced one
        await ParcelAsync("A-R", _parkA, 50, 1, use: CarrierUse.Research);            // another use
        await ParcelAsync("A-75.1", _parkA, 75.1, 1);                                 // above 150 %
        await ParcelAsync("A-39.9", _parkA, 39.9, 1);                                 // below 80 %
        await ParcelAsync("A-RES", _parkA, 50, 1, status: ParcelStatus.Reserve);      // 储备
        await ParcelAsync("A-SOLD", _parkA, 50, 1, status: ParcelStatus.Sold);        // 已出让
        await ParcelAsync("A-HELD", _parkA, 50, 1, reservedFor: _other);              // reserved for another project
        var own = await ParcelAsync("A-OWN", _parkA, 60, 1, reservedFor: _project);   // reserved for this one: still shown

        var found = await FindAsync(new FindCarriersForProject(_project));

        Assert.Equal(CarrierKind.Parcel, found.Need.Kind);
        Assert.Equal(50, found.Need.Area);
        Assert.Equal(CarrierUse.Industrial, found.Need.Use);
        Assert.Equal(_parkA, found.Need.ParkId);
        Assert.Equal(40, found.Need.MinArea!.Value, 6);
        Assert.Equal(75, found.Need.MaxArea!.Value, 6);
        Assert.Equal([a48, a52, a55, own, b50, b50n], found.Matches.Select(m => m.Id));
        Assert.Equal([1, 2, 3, 4, 5, 6], found.Matches.Select(m => m.Rank));
        Assert.True(found.Matches.Single(m => m.Id == own).IsReservedForProject);
        Assert.Equal([true, true, true, true, false, false], found.Matches.Select(m => m.InPreferredPark));
        Assert.Equal("昆山开发区", found.Matches[0].ParkZh);
        Assert.Equal("A-OWN", found.Reservation?.Label);
        Assert.True(found.CanEdit);

        // The search's own need: another park preferred, and a top of two.
        var elsewhere = await FindAsync(new FindCarriersForProject(_project, AreaMu: 50, ParkId: _parkB, Top: 2));
        Assert.Equal([b50, b50n], elsewhere.Matches.Select(m => m.Id));
    }

    [Fact]
    public async Task Premises_rank_by_vacant_space_of_the_kind_the_use_needs()
    {
        var near = await PremisesAsync("A1 栋", _parkA, 3100, 2500);
        var exact = await PremisesAsync("A2 栋", _parkA, 3000, 3000);
        var other = await PremisesAsync("B1 栋", _parkB, 3000, 1000);
        await PremisesAsync("A3 写字楼", _parkA, 3000, 1000, PremisesKind.Office); // 研发/商业 use offices
        await PremisesAsync("A4 栋", _parkA, 5000, 1000);                          // above 150 %

        var factories = await FindAsync(new FindCarriersForProject(_project, AreaM2: 3000));
        Assert.Equal(CarrierKind.Premises, factories.Need.Kind);
        Assert.Equal([exact, near, other], factories.Matches.Select(m => m.Id));

        var offices = await FindAsync(new FindCarriersForProject(_project, AreaM2: 3000, Use: CarrierUse.Research));
        Assert.Equal(["A3 写字楼"], offices.Matches.Select(m => m.Label));
    }

    [Fact]
    public async Task Matching_takes_four_statements_however_many_carriers_there_are()
    {
        await ParcelAsync("S-1", _parkA, 50, 1);
        var few = new StatementCounter();
        var first = await FindAsync(new FindCarriersForProject(_project), few);

        for (var i = 0; i < 30; i++)
        {
            await ParcelAsync($"S-M{i:00}", i % 2 == 0 ? _parkA : _parkB, 41 + i, 1000 + i);
        }

        var many = new StatementCounter();
        var second = await FindAsync(new FindCarriersForProject(_project), many);

        Assert.Equal(4, few.Queries.Count);
        Assert.Equal(4, many.Queries.Count);
        Assert.Single(first.Matches);
        Assert.Equal(CarrierFit.DefaultTop, second.Matches.Count);
    }

    [Fact]
    public async Task Every_staff_member_reads_the_matches_but_only_the_owner_or_a_manager_may_reserve()
    {
        As(_colleague, Roles.Officer);
        var read = await FindAsync(new FindCarriersForProject(_project));
        Assert.False(read.CanEdit);
        Assert.False(read.CanReserve);
        var parcel = await ParcelAsync("P-1", _parkA, 50, 1);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ReserveAsync(_project, CarrierKind.Parcel, parcel));

        As(_manager, Roles.Manager);
        Assert.True((await FindAsync(new FindCarriersForProject(_project))).CanReserve);
        await ReserveAsync(_project, CarrierKind.Parcel, parcel);
    }

    // ---- reservation ----

    [Fact]
    public async Task Reserving_and_releasing_write_the_carriers_history_in_the_same_save()
    {
        var parcel = await ParcelAsync("R-1", _parkA, 50, 1);
        var held = await ReserveAsync(_project, CarrierKind.Parcel, parcel);
        Assert.Equal("R-1", held.Label);

        await using (var db = _db.NewContext())
        {
            Assert.Equal(_project, (await db.LandParcels.SingleAsync(p => p.Id == parcel)).ReservedForProjectId);
        }

        var second = await ParcelAsync("R-2", _parkA, 50, 1);
        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => ReserveAsync(_project, CarrierKind.Parcel, second));
        Assert.Equal(M.MatchingProjectHasReservation.Code, conflict.Code);

        As(_colleague, Roles.Officer);
        var taken = await Assert.ThrowsAsync<DomainConflictException>(() => ReserveAsync(_other, CarrierKind.Parcel, parcel));
        Assert.Equal(M.CarrierReserved.Code, taken.Code);

        As(_officer, Roles.Officer);
        await ReleaseAsync(_project, "项目改选他处");
        var none = await Assert.ThrowsAsync<DomainConflictException>(() => ReleaseAsync(_project));
        Assert.Equal(M.MatchingNoReservation.Code, none.Code);

        var events = await EventsAsync(parcel);
        Assert.Equal([CarrierEventKind.Reserved, CarrierEventKind.Released], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(_project, e.ProjectId));
        Assert.Equal("项目改选他处", events[1].Note);

        await using var check = _db.NewContext();
        Assert.Null((await check.LandParcels.SingleAsync(p => p.Id == parcel)).ReservedForProjectId);
        Assert.Contains(await check.AuditEntries.Where(a => a.EntityType == nameof(CarrierEvent)).Select(a => a.Action.ToString()).ToListAsync(), a => a == "Created");
    }

    [Fact]
    public async Task A_project_at_or_past_land_supply_reserves_nothing()
    {
        await using (var db = _db.NewContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Id == _project);
            project.MoveTo(ProjectStage.Lost, new StageActor(_manager, IsManager: true), "放弃", _db.Clock.GetUtcNow().UtcDateTime, StageFacts.None);
            await db.SaveChangesAsync();
        }

        var parcel = await ParcelAsync("L-1", _parkA, 50, 1);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => ReserveAsync(_project, CarrierKind.Parcel, parcel));
        Assert.Equal(M.MatchingPastLand.Code, refused.Code);
        Assert.Empty(await EventsAsync(parcel));
    }

    [Fact]
    public async Task Of_two_reservations_of_one_carrier_at_once_the_version_lets_one_win()
    {
        var parcel = await ParcelAsync("C-1", _parkA, 50, 1);
        var now = _db.Clock.GetUtcNow().UtcDateTime;
        await using var first = _db.NewContext();
        await using var second = _db.NewContext();
        var one = await first.LandParcels.SingleAsync(p => p.Id == parcel);
        var two = await second.LandParcels.SingleAsync(p => p.Id == parcel);
        first.CarrierEvents.Add(one.Reserve(_project, _officer, now));
        second.CarrierEvents.Add(two.Reserve(_other, _colleague, now));

        await first.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _db.NewContext();
        Assert.Equal(_project, (await check.LandParcels.SingleAsync(p => p.Id == parcel)).ReservedForProjectId);
        Assert.Equal([_project], await check.CarrierEvents.Where(e => e.CarrierId == parcel).Select(e => e.ProjectId).ToListAsync());
    }

    [Fact]
    public async Task Two_handlers_racing_for_one_carrier_leave_one_reservation_and_one_conflict()
    {
        var parcel = await ParcelAsync("C-2", _parkA, 50, 1);
        var officer = TestUser.As("officer", Roles.Officer);
        officer.Id = _officer;
        var colleague = TestUser.As("colleague", Roles.Officer);
        colleague.Id = _colleague;

        async Task<Exception?> Try(TestUser user, Guid project)
        {
            try
            {
                await using var db = _db.NewContext();
                await new ReserveCarrierHandler(db, user, _db.Clock).Handle(new ReserveCarrier(project, CarrierKind.Parcel, parcel), CancellationToken.None);
                return null;
            }
            catch (Exception ex) when (ex is DomainConflictException or ConflictException)
            {
                return ex;
            }
        }

        var outcomes = await Task.WhenAll(Task.Run(() => Try(officer, _project)), Task.Run(() => Try(colleague, _other)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is not null);
        Assert.Single(await EventsAsync(parcel));
    }

    // ---- 供地 ----

    [Fact]
    public async Task Land_supply_of_the_reserved_parcel_sells_it_to_the_project_with_its_area_and_history()
    {
        var parcel = await ParcelAsync("G-1", _parkA, 50.5, 1);
        await ReserveAsync(_project, CarrierKind.Parcel, parcel);

        var milestone = await SupplyAsync(LandSupplied(_project, parcel: parcel));

        Assert.Equal(parcel, milestone.LandParcelId);
        Assert.Equal(50.5, milestone.LandMu);
        await using var db = _db.NewContext();
        var sold = await db.LandParcels.SingleAsync(p => p.Id == parcel);
        Assert.Equal(ParcelStatus.Sold, sold.Status);
        Assert.Equal(_project, sold.SuppliedToProjectId);
        Assert.Null(sold.ReservedForProjectId);
        Assert.Equal([CarrierEventKind.Reserved, CarrierEventKind.Supplied], (await EventsAsync(parcel)).Select(e => e.Kind));
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(ProjectMilestone)).Select(a => a.Changes).ToListAsync();
        Assert.Contains(audit, c => c.Contains(nameof(ProjectMilestone.LandParcelId)) && c.Contains(parcel.ToString()));

        // The matches now show what 供地 gave, and the project reserves nothing more.
        var found = await FindAsync(new FindCarriersForProject(_project));
        Assert.Equal("G-1", found.Supplied?.Label);
        Assert.Null(found.Reservation);
        Assert.False(found.CanReserve);

        // A correction naming the same parcel keeps it; naming another is a conflict.
        await SupplyAsync(LandSupplied(_project, parcel: parcel, mu: 50));
        var another = await ParcelAsync("G-2", _parkA, 50, 1);
        var switched = await Assert.ThrowsAsync<DomainConflictException>(() => SupplyAsync(LandSupplied(_project, parcel: another)));
        Assert.Equal(M.MatchingCarrierLinked.Code, switched.Code);
        Assert.Single(await EventsAsync(parcel), e => e.Kind == CarrierEventKind.Supplied);
    }

    [Fact]
    public async Task Land_supply_takes_a_free_parcel_or_premises_but_not_one_reserved_for_another_project()
    {
        var held = await ParcelAsync("G-3", _parkA, 50, 1, reservedFor: _other);
        var refused = await Assert.ThrowsAsync<DomainConflictException>(() => SupplyAsync(LandSupplied(_project, parcel: held)));
        Assert.Equal(M.CarrierReserved.Code, refused.Code);
        await using (var db = _db.NewContext())
        {
            Assert.False(await db.Milestones.AnyAsync(m => m.ProjectId == _project));
            Assert.Equal(ParcelStatus.Available, (await db.LandParcels.SingleAsync(p => p.Id == held)).Status);
        }

        var premises = await PremisesAsync("F1 栋", _parkA, 3000, 2000);
        var milestone = await SupplyAsync(LandSupplied(_project, premises: premises, mu: 4.5));
        Assert.Equal(premises, milestone.PremisesId);
        Assert.Equal(4.5, milestone.LandMu);
        await using var check = _db.NewContext();
        var occupied = await check.Premises.SingleAsync(p => p.Id == premises);
        Assert.Equal(PremisesStatus.Occupied, occupied.Status);
        Assert.Equal(_project, occupied.OccupiedByProjectId);
        Assert.Equal([CarrierEventKind.Supplied], (await EventsAsync(premises)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Land_supply_without_a_carrier_needs_a_managers_reason()
    {
        var missing = await Assert.ThrowsAsync<DomainRuleException>(() => SupplyAsync(LandSupplied(_project, mu: 30)));
        Assert.Equal(M.MatchingCarrierRequired.Code, missing.Code);
        var officerReason = await Assert.ThrowsAsync<DomainForbiddenException>(() => SupplyAsync(LandSupplied(_project, mu: 30, reason: "企业自有土地")));
        Assert.Equal(M.MatchingReasonManager.Code, officerReason.Code);

        As(_manager, Roles.Manager);
        var managerMissing = await Assert.ThrowsAsync<DomainRuleException>(() => SupplyAsync(LandSupplied(_project, mu: 30)));
        Assert.Equal(M.MatchingCarrierRequired.Code, managerMissing.Code);
        var milestone = await SupplyAsync(LandSupplied(_project, mu: 30, reason: "企业自有土地"));
        Assert.Equal("企业自有土地", milestone.NoCarrierReason);
        Assert.Null(milestone.LandParcelId);

        // The owner corrects the date later: the manager's reason stands.
        As(_officer, Roles.Officer);
        var corrected = await SupplyAsync(LandSupplied(_project, mu: 31));
        Assert.Equal("企业自有土地", corrected.NoCarrierReason);
        Assert.Equal(31, corrected.LandMu);
    }
}

public sealed class SqliteCarrierMatchingTests() : CarrierMatchingTests(DatabaseProvider.Sqlite);

public sealed class PostgresCarrierMatchingTests() : CarrierMatchingTests(DatabaseProvider.PostgreSql);
