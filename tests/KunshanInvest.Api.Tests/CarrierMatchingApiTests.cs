using System.Net;
using System.Net.Http.Json;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Api.Tests;

/// <summary>载体匹配 over HTTP on each provider: matches, reservation and its 409s, 供地 linking the carrier, roles and bad input.</summary>
public abstract class CarrierMatchingApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>A park of the test's own (so other tests' parcels never rank first) and a 50-亩 project in it.</summary>
    private async Task<(Guid Park, Guid Project)> ProjectAsync(string owner = "officer", double mu = 50)
    {
        var ownerId = await fixture.UserIdAsync(owner);
        var park = new Park($"m{Guid.NewGuid():N}"[..12], $"匹配园区 {Guid.NewGuid():N}"[..12], "Matching park", null);
        var code = $"CM-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var project = new InvestmentProject(code, $"匹配项目 {code}", SourceChannel.WalkIn, ownerId, DateTime.UtcNow.AddDays(-30));
        project.Place(null, null, park.Id);
        project.Pledge(null, null, null, null, null, mu);
        await fixture.WriteAsync(db => db.AddRange(park, project));
        return (park.Id, project.Id);
    }

    private async Task<Guid> ParcelAsync(Guid park, double mu, long? price = 10_000_00, Guid? reservedFor = null)
    {
        var parcel = new LandParcel($"CM-{Guid.NewGuid():N}"[..20], park, mu, CarrierUse.Industrial, ParcelStatus.Available, price, null);
        if (reservedFor is { } project)
        {
            parcel.Reserve(project, await fixture.UserIdAsync("manager"), DateTime.UtcNow);
        }

        await fixture.WriteAsync(db => db.LandParcels.Add(parcel));
        return parcel.Id;
    }

    private static Task<HttpResponseMessage> ReserveAsync(HttpClient client, Guid project, Guid carrier, string kind = "Parcel") =>
        client.PostAsJsonAsync($"/api/v1/projects/{project}/carrier-reservations", new { kind, carrierId = carrier });

    [Fact]
    public async Task An_officer_finds_ranked_parcels_for_a_50_mu_project_reserves_one_and_releases_it()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (park, project) = await ProjectAsync();
        var far = await ParcelAsync(park, 70);
        var close = await ParcelAsync(park, 52, price: 20_000_00);
        var closeCheap = await ParcelAsync(park, 48, price: 10_000_00);
        await ParcelAsync(park, 200); // far too large

        var found = await (await officer.GetAsync($"/api/v1/projects/{project}/carrier-matches")).JsonAsync();
        Assert.Equal(50, found.GetProperty("need").GetProperty("area").GetDouble());
        var ids = found.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("inPreferredPark").GetBoolean()).Select(m => m.Id()).ToList();
        Assert.Equal([closeCheap, close, far], ids);
        Assert.True(found.GetProperty("canReserve").GetBoolean());

        var reserved = await ReserveAsync(officer, project, closeCheap);
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var after = await (await officer.GetAsync($"/api/v1/projects/{project}/carrier-matches")).JsonAsync();
        Assert.Equal(closeCheap, after.GetProperty("reservation").Id());

        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/projects/{project}/carrier-reservations?note=换地块")).StatusCode);
        var again = await officer.DeleteAsync($"/api/v1/projects/{project}/carrier-reservations");
        Assert.Equal("matching.no_reservation", (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(["Reserved", "Released"], await fixture.QueryAsync(db => db.CarrierEvents.Where(e => e.CarrierId == closeCheap).OrderBy(e => e.Kind).Select(e => e.Kind.ToString()).ToListAsync()));
    }

    [Fact]
    public async Task A_carrier_reserved_for_another_project_is_409_and_of_two_at_once_one_wins()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var officer2 = await fixture.ClientAsync("officer2");
        var (park, mine) = await ProjectAsync();
        var (_, theirs) = await ProjectAsync("officer2");
        var parcel = await ParcelAsync(park, 50);

        var results = await Task.WhenAll(ReserveAsync(officer, mine, parcel), ReserveAsync(officer2, theirs, parcel));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        await results.Single(r => r.StatusCode != HttpStatusCode.Created).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await fixture.QueryAsync(db => db.CarrierEvents.CountAsync(e => e.CarrierId == parcel)));

        var winner = results[0].StatusCode == HttpStatusCode.Created ? (officer, mine, officer2, theirs) : (officer2, theirs, officer, mine);
        var late = await ReserveAsync(winner.Item3, winner.Item4, parcel);
        Assert.Equal("carrier.reserved", (await late.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_officer_may_read_but_not_reserve_and_a_partner_or_department_user_gets_403()
    {
        using var colleague = await fixture.ClientAsync("officer2");
        using var partner = await fixture.ClientAsync("partner");
        using var dept = await fixture.ClientAsync("dept");
        var (park, project) = await ProjectAsync();
        var parcel = await ParcelAsync(park, 50);

        var read = await (await colleague.GetAsync($"/api/v1/projects/{project}/carrier-matches")).JsonAsync();
        Assert.False(read.GetProperty("canEdit").GetBoolean());
        await (await ReserveAsync(colleague, project, parcel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.DeleteAsync($"/api/v1/projects/{project}/carrier-reservations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/projects/{project}/carrier-matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PostAsJsonAsync($"/api/v1/projects/{project}/carrier-reservations", new { kind = "Parcel", carrierId = parcel })).StatusCode);
        Assert.Equal(0, await fixture.QueryAsync(db => db.CarrierEvents.CountAsync(e => e.CarrierId == parcel)));
    }

    [Theory]
    [InlineData("?areaMu=-1")]
    [InlineData("?areaMu=100001")]
    [InlineData("?areaMu=50&areaM2=3000")]
    [InlineData("?top=51")]
    [InlineData("?use=Rocket")]
    [InlineData("?areaMu=abc")]
    [InlineData("?parkId=not-a-guid")]
    public async Task A_bad_need_is_400(string query)
    {
        using var officer = await fixture.ClientAsync("officer");
        var (_, project) = await ProjectAsync();
        await (await officer.GetAsync($"/api/v1/projects/{project}/carrier-matches{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bad_reservation_is_400_or_404_and_an_unknown_project_404()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (_, project) = await ProjectAsync();
        await (await ReserveAsync(officer, project, Guid.NewGuid(), kind: "Rocket")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.PostAsync($"/api/v1/projects/{project}/carrier-reservations", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ReserveAsync(officer, project, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/carrier-matches")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Land_supply_links_the_reserved_parcel_and_sells_it_an_officer_without_one_is_422_a_manager_gives_a_reason()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        var (park, project) = await ProjectAsync();
        var parcel = await ParcelAsync(park, 50.5);
        var (_, other) = await ProjectAsync("officer2");
        var theirs = await ParcelAsync(park, 50, reservedFor: other);
        (await ReserveAsync(officer, project, parcel)).EnsureSuccessStatusCode();

        var without = await officer.PutAsJsonAsync($"/api/v1/projects/{project}/milestones/LandSupplied", new { actualOn = "2026-01-05", landMu = 50 });
        Assert.Equal("matching.carrier_required", (await without.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        var reason = await officer.PutAsJsonAsync($"/api/v1/projects/{project}/milestones/LandSupplied", new { actualOn = "2026-01-05", landMu = 50, noCarrierReason = "自有土地" });
        await reason.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var both = await officer.PutAsJsonAsync($"/api/v1/projects/{project}/milestones/LandSupplied", new { actualOn = "2026-01-05", landParcelId = parcel, premisesId = Guid.NewGuid() });
        await both.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var taken = await officer.PutAsJsonAsync($"/api/v1/projects/{project}/milestones/LandSupplied", new { actualOn = "2026-01-05", landParcelId = theirs });
        Assert.Equal("carrier.reserved", (await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());

        var supplied = await (await officer.PutAsJsonAsync($"/api/v1/projects/{project}/milestones/LandSupplied", new { actualOn = "2026-01-05", landParcelId = parcel })).JsonAsync();
        Assert.Equal(parcel, supplied.GetProperty("landParcelId").GetGuid());
        Assert.Equal(50.5, supplied.GetProperty("landMu").GetDouble());
        Assert.Equal(ParcelStatus.Sold, await fixture.QueryAsync(db => db.LandParcels.Where(p => p.Id == parcel).Select(p => p.Status).SingleAsync()));
        var matches = await (await officer.GetAsync($"/api/v1/projects/{project}/carrier-matches")).JsonAsync();
        Assert.Equal(parcel, matches.GetProperty("supplied").Id());

        var (_, ownSite) = await ProjectAsync();
        var managed = await (await manager.PutAsJsonAsync($"/api/v1/projects/{ownSite}/milestones/LandSupplied", new { actualOn = "2026-01-05", landMu = 20, noCarrierReason = "企业自有土地" })).JsonAsync();
        Assert.Equal("企业自有土地", managed.GetProperty("noCarrierReason").GetString());
    }
}

public sealed class SqliteCarrierMatchingApiTests(SqliteApp fixture) : CarrierMatchingApiTests<SqliteApp>(fixture);

public sealed class PostgresCarrierMatchingApiTests(PostgresApp fixture) : CarrierMatchingApiTests<PostgresApp>(fixture);
