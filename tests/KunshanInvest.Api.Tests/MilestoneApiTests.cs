using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>Milestones and the gates of 供地 … 达产 that read them, through the API, over SQLite and PostgreSQL.</summary>
public abstract class MilestoneApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    /// <summary>A project of the demo officer at 注册 (signing evidence and credit code), with an enterprise of its own.</summary>
    private async Task<(Guid Project, Guid Enterprise)> RegisteredProjectAsync(long pledgedOutputFen = 60_000_000_00)
    {
        var officerId = await fixture.UserIdAsync("officer");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var code = $"MS-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var enterprise = new Enterprise($"节点测试企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"节点测试 {code}", SourceChannel.WalkIn, officerId, DateTime.UtcNow.AddYears(-3));
        project.Place(enterprise.Id, await db.Sectors.Select(s => s.Id).FirstAsync(), await db.Parks.Select(p => p.Id).FirstAsync());
        project.Pledge(Money.CnyWan(30_000m), null, 100, null, pledgedOutputFen, null);
        project.RegisterProjectCompany(CreditCodeFor(code));
        project.MoveTo(ProjectStage.Registered, new StageActor(officerId, IsManager: false), null, DateTime.UtcNow.AddYears(-2), StageFacts.None);
        db.AddRange(enterprise, project);
        await db.SaveChangesAsync();
        return (project.Id, enterprise.Id);
    }

    /// <summary>An available parcel of the register for 供地 to link (an officer records 供地 with its carrier).</summary>
    private async Task<Guid> ParcelAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parcel = new Domain.Carriers.LandParcel($"MS-{Guid.NewGuid():N}"[..20], await db.Parks.Select(p => p.Id).FirstAsync(), 40, Domain.Carriers.CarrierUse.Industrial, Domain.Carriers.ParcelStatus.Available, null, null);
        db.LandParcels.Add(parcel);
        await db.SaveChangesAsync();
        return parcel.Id;
    }

    private static string CreditCodeFor(string seed)
    {
        var digits = string.Concat(seed.Where(char.IsAsciiHexDigit).Select(c => (char)('0' + (c % 10))));
        var first17 = ("91320583" + digits + "000000000")[..17];
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid project, string kind, object body) =>
        client.PutAsJsonAsync($"/api/v1/projects/{project}/milestones/{kind}", body);

    private static async Task<HttpResponseMessage> RecordWithFileAsync(HttpClient client, Guid project, string kind, object body, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web)), "milestone" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PutAsync($"/api/v1/projects/{project}/milestones/{kind}", form);
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid project, string target, string? note = null)
    {
        var etag = (await client.GetAsync($"/api/v1/projects/{project}")).Headers.ETag!.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{project}/stage") { Content = JsonContent.Create(new { target, note }) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await client.SendAsync(request);
    }

    private static async Task<string[]> MissingAsync(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("stage.gate", problem.GetProperty("code").GetString());
        return [.. problem.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("field").GetString()!)];
    }

    /// <summary>Twelve verified months ending at <paramref name="lastMonth"/>, entered by the officer and verified by the manager.</summary>
    private async Task VerifiedYearAsync(Guid project, FigureKind kind, int lastMonth, long monthlyFen)
    {
        var officerId = await fixture.UserIdAsync("officer");
        var managerId = await fixture.UserIdAsync("manager");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < 12; i++)
        {
            var month = new DateOnly(lastMonth / 100, lastMonth % 100, 1).AddMonths(-i);
            var entry = new FigureEntry(project, kind, FigurePeriod.OfDate(month), monthlyFen, "CNY", monthlyFen, null, null, officerId, DateTime.UtcNow);
            entry.Verify(managerId, DateTime.UtcNow);
            db.FigureEntries.Add(entry);
        }

        // A pending month does not count.
        db.FigureEntries.Add(new FigureEntry(project, kind, lastMonth, monthlyFen * 100, "CNY", monthlyFen * 100, null, null, officerId, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_gated_stage_is_422_naming_its_missing_milestone_or_figure_and_passes_once_it_is_recorded()
    {
        using var officer = await fixture.ClientAsync("officer");
        using var manager = await fixture.ClientAsync("manager");
        var (id, _) = await RegisteredProjectAsync(pledgedOutputFen: 60_000_000_00);

        // 供地: the milestone with its 亩, not the pledge.
        Assert.Equal(["milestones.landSupplied"], await MissingAsync(await MoveAsync(officer, id, "LandSecured")));
        (await RecordAsync(officer, id, "LandSupplied", new { actualOn = "2025-03-01", landMu = 42.5, carrierReference = "KS-2025-017", landParcelId = await ParcelAsync() })).EnsureSuccessStatusCode();
        (await MoveAsync(officer, id, "LandSecured")).EnsureSuccessStatusCode();

        // 开工: recorded with a site photo; the stage change is dated now, the milestone keeps its own date.
        Assert.Equal(["milestones.constructionStarted"], await MissingAsync(await MoveAsync(officer, id, "UnderConstruction")));
        var started = await (await RecordWithFileAsync(officer, id, "ConstructionStarted", new { plannedOn = "2025-03-15", actualOn = "2025-04-01" }, "开工照片.png", Png)).JsonAsync();
        Assert.True(started.GetProperty("hasEvidence").GetBoolean());
        var moved = await (await MoveAsync(officer, id, "UnderConstruction")).JsonAsync();
        Assert.Equal("UnderConstruction", moved.GetProperty("to").GetString());
        var detail = await (await officer.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
        Assert.True(detail.GetProperty("stageEnteredAtUtc").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));

        // 投产.
        Assert.Equal(["milestones.productionStarted"], await MissingAsync(await MoveAsync(officer, id, "Operating")));
        (await RecordAsync(officer, id, "ProductionStarted", new { actualOn = "2025-09-01" })).EnsureSuccessStatusCode();
        (await MoveAsync(officer, id, "Operating")).EnsureSuccessStatusCode();

        // 上规: 入库 month, then verified revenue over the 12 months to it at the industrial threshold (CNY 20 m).
        Assert.Equal(["milestones.enteredStatistics"], await MissingAsync(await MoveAsync(officer, id, "AboveScale")));
        (await RecordAsync(officer, id, "EnteredStatistics", new { statisticsPeriod = 202512 })).EnsureSuccessStatusCode();
        Assert.Equal(["figures.mainBusinessRevenue"], await MissingAsync(await MoveAsync(officer, id, "AboveScale")));
        await VerifiedYearAsync(id, FigureKind.MainBusinessRevenue, 202512, 1_700_000_00);
        (await MoveAsync(officer, id, "AboveScale")).EnsureSuccessStatusCode();

        // 达产: the milestone, then verified output at the pledge (CNY 600 m a year), or a manager's override.
        Assert.Equal(["milestones.capacityReached"], await MissingAsync(await MoveAsync(officer, id, "AtCapacity")));
        (await RecordAsync(officer, id, "CapacityReached", new { actualOn = "2026-02-01" })).EnsureSuccessStatusCode();
        Assert.Equal(["figures.industrialOutput"], await MissingAsync(await MoveAsync(officer, id, "AtCapacity")));
        var byOfficer = await RecordAsync(officer, id, "CapacityReached", new { actualOn = "2026-02-01", overrideReason = "产线已建成" });
        Assert.Equal("milestone.override_manager", (await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var byManager = await (await RecordAsync(manager, id, "CapacityReached", new { actualOn = "2026-02-01", overrideReason = "产线已按协议建成,市场原因产值未达" })).JsonAsync();
        Assert.Equal("产线已按协议建成,市场原因产值未达", byManager.GetProperty("overrideReason").GetString());
        (await MoveAsync(officer, id, "AtCapacity")).EnsureSuccessStatusCode();

        var list = await (await officer.GetAsync($"/api/v1/projects/{id}/milestones")).JsonAsync();
        Assert.Equal(["Registered", "LandSupplied", "ConstructionStarted", "ProductionStarted", "EnteredStatistics", "CapacityReached"],
            list.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal([false, true, true, true, true, true], list.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("isReached").GetBoolean()));
    }

    [Fact]
    public async Task Capacity_passes_on_verified_output_at_the_pledge_without_an_override()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, _) = await RegisteredProjectAsync(pledgedOutputFen: 24_000_000_00);
        foreach (var (kind, body) in new (string, object)[]
        {
            ("ConstructionStarted", new { actualOn = "2025-04-01" }), ("ProductionStarted", new { actualOn = "2025-06-01" }),
            ("EnteredStatistics", new { statisticsPeriod = 202507 }), ("CapacityReached", new { actualOn = "2026-10-15" }),
        })
        {
            (await RecordAsync(officer, id, kind, body)).EnsureSuccessStatusCode();
        }

        await VerifiedYearAsync(id, FigureKind.MainBusinessRevenue, 202507, 2_000_000_00);
        await VerifiedYearAsync(id, FigureKind.IndustrialOutput, 202610, 1_999_999_99);
        Assert.Equal(["figures.industrialOutput"], await MissingAsync(await MoveAsync(officer, id, "AtCapacity")));

        await VerifiedYearAsync(id, FigureKind.IndustrialOutput, 202509, 1_000_00); // months before the window do not count
        Assert.Equal(["figures.industrialOutput"], await MissingAsync(await MoveAsync(officer, id, "AtCapacity")));
        await VerifiedYearAsync(id, FigureKind.IndustrialOutput, 202610, 1);
        (await MoveAsync(officer, id, "AtCapacity")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_above_scale_threshold_follows_the_enterprises_statistics_type()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, enterpriseId) = await RegisteredProjectAsync();
        foreach (var (kind, body) in new (string, object)[]
        {
            ("ConstructionStarted", new { actualOn = "2025-04-01" }), ("ProductionStarted", new { actualOn = "2025-06-01" }), ("EnteredStatistics", new { statisticsPeriod = 202606 }),
        })
        {
            (await RecordAsync(officer, id, kind, body)).EnsureSuccessStatusCode();
        }

        await VerifiedYearAsync(id, FigureKind.MainBusinessRevenue, 202606, 500_000_00); // CNY 6 m a year
        Assert.Equal(["figures.mainBusinessRevenue"], await MissingAsync(await MoveAsync(officer, id, "AboveScale")));

        var enterprise = await officer.GetAsync($"/api/v1/enterprises/{enterpriseId}");
        var e = await enterprise.JsonAsync();
        Assert.Equal("Industrial", e.GetProperty("statisticsType").GetString());
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{enterpriseId}")
        {
            Content = JsonContent.Create(new { nameZh = e.GetProperty("nameZh").GetString(), country = "CN", ownership = "Domestic", statisticsType = "Retail" }),
        };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(enterprise.Headers.ETag!.ToString()));
        Assert.Equal("Retail", (await (await officer.SendAsync(put)).JsonAsync()).GetProperty("statisticsType").GetString());

        (await MoveAsync(officer, id, "AboveScale")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_milestone_dated_before_the_previous_reached_one_is_422_naming_both()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, _) = await RegisteredProjectAsync();
        (await RecordAsync(officer, id, "Registered", new { actualOn = "2025-01-10", creditCode = await CreditCodeOfAsync(id) })).EnsureSuccessStatusCode();
        (await RecordAsync(officer, id, "LandSupplied", new { actualOn = "2025-03-01", landMu = 10, landParcelId = await ParcelAsync() })).EnsureSuccessStatusCode();

        var early = await RecordAsync(officer, id, "ConstructionStarted", new { actualOn = "2025-02-27" });

        var problem = await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("milestone.before_previous", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("2025-02-27", detail, StringComparison.Ordinal);
        Assert.Contains("2025-03-01", detail, StringComparison.Ordinal);
        Assert.Contains("开工", detail, StringComparison.Ordinal);
        Assert.Contains("供地", detail, StringComparison.Ordinal);
        var list = await (await officer.GetAsync($"/api/v1/projects/{id}/milestones")).JsonAsync();
        Assert.False(list.GetProperty("milestones")[2].GetProperty("isRecorded").GetBoolean());
    }

    [Fact]
    public async Task A_future_date_is_422_and_nothing_is_saved()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, _) = await RegisteredProjectAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var future = await RecordAsync(officer, id, "ConstructionStarted", new { actualOn = tomorrow });
        var futureMonth = await RecordAsync(officer, id, "EnteredStatistics", new { statisticsPeriod = FigurePeriod.OfDate(DateTime.UtcNow.AddMonths(2)) });

        Assert.Equal("milestone.future", (await future.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal("milestone.future", (await futureMonth.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(0, await fixture.QueryAsync(db => db.Milestones.CountAsync(m => m.ProjectId == id)));
    }

    [Fact]
    public async Task Another_officer_and_a_partner_are_403_while_staff_may_read()
    {
        using var owner = await fixture.ClientAsync("officer");
        using var colleague = await fixture.ClientAsync("officer2");
        using var partner = await fixture.ClientAsync("partner");
        var (id, _) = await RegisteredProjectAsync();
        (await RecordWithFileAsync(owner, id, "LandSupplied", new { actualOn = "2025-03-01", landMu = 12, landParcelId = await ParcelAsync() }, "土地合同.png", Png)).EnsureSuccessStatusCode();

        var byColleague = await RecordAsync(colleague, id, "ConstructionStarted", new { actualOn = "2025-04-01" });
        var byPartner = await RecordAsync(partner, id, "ConstructionStarted", new { actualOn = "2025-04-01" });
        var partnerReads = await partner.GetAsync($"/api/v1/projects/{id}/milestones");

        await byColleague.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerReads.StatusCode);
        var list = await (await colleague.GetAsync($"/api/v1/projects/{id}/milestones")).JsonAsync();
        Assert.False(list.GetProperty("canEdit").GetBoolean());
        var evidence = await colleague.GetAsync($"/api/v1/projects/{id}/milestones/LandSupplied/evidence");
        Assert.Equal(Png, await evidence.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", evidence.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/projects/{id}/milestones/ProductionStarted/evidence")).StatusCode);
    }

    [Fact]
    public async Task Bad_evidence_and_fields_of_another_kind_are_400_and_nothing_is_saved()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, _) = await RegisteredProjectAsync();

        var renamed = await RecordWithFileAsync(officer, id, "ConstructionStarted", new { actualOn = "2025-04-01" }, "photo.png", "MZ\u0090\0 not a picture"u8.ToArray());
        var wrongField = await RecordAsync(officer, id, "ConstructionStarted", new { actualOn = "2025-04-01", landMu = 5 });
        var noMu = await RecordAsync(officer, id, "LandSupplied", new { actualOn = "2025-03-01" });
        var badCode = await RecordAsync(officer, id, "Registered", new { actualOn = "2025-01-10", creditCode = "91320583MA0DE0013X" });
        var unknownKind = await RecordAsync(officer, id, "Groundbreaking", new { actualOn = "2025-01-10" });

        Assert.Contains("file", (await renamed.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await wrongField.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await noMu.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await badCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await unknownKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await fixture.QueryAsync(db => db.Milestones.CountAsync(m => m.ProjectId == id)));
    }

    [Fact]
    public async Task Registration_keeps_the_projects_credit_code_in_step()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, _) = await RegisteredProjectAsync();
        var other = CreditCodeFor(Guid.NewGuid().ToString("N"));

        (await RecordAsync(officer, id, "Registered", new { actualOn = "2025-01-10", creditCode = other.ToLowerInvariant() })).EnsureSuccessStatusCode();

        var detail = await (await officer.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
        Assert.Equal(other, detail.GetProperty("projectCompanyCreditCode").GetString());
    }

    [Fact]
    public async Task Withdrawing_the_milestone_the_current_stage_rests_on_is_422()
    {
        using var officer = await fixture.ClientAsync("officer");
        var (id, _) = await RegisteredProjectAsync();
        (await RecordAsync(officer, id, "ConstructionStarted", new { actualOn = "2025-04-01" })).EnsureSuccessStatusCode();
        (await MoveAsync(officer, id, "UnderConstruction")).EnsureSuccessStatusCode();

        var withdrawn = await RecordAsync(officer, id, "ConstructionStarted", new { plannedOn = "2025-04-01" });

        Assert.Equal(["milestones.constructionStarted"], await MissingAsync(withdrawn));
        var list = await (await officer.GetAsync($"/api/v1/projects/{id}/milestones")).JsonAsync();
        Assert.True(list.GetProperty("milestones")[2].GetProperty("isReached").GetBoolean());
    }

    [Fact]
    public async Task The_demo_seeds_advanced_projects_carry_the_milestones_and_verified_months_their_stages_rest_on()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Application.Milestones.AboveScaleOptions>>().Value;
        var advanced = await db.Projects.Where(p => p.IsDemo && p.Code.StartsWith("KS-2025-") && p.Stage >= ProjectStage.LandSecured && p.Stage <= ProjectStage.AtCapacity).ToListAsync();

        Assert.Contains(advanced, p => p.Stage == ProjectStage.AboveScale);
        Assert.Contains(advanced, p => p.Stage == ProjectStage.AtCapacity);
        foreach (var project in advanced)
        {
            var facts = await Application.Milestones.StageFactsLoader.LoadAsync(db, project, options, CancellationToken.None);
            Assert.Empty(StageGates.Check(project, project.Stage, facts));
        }

        var figures = await db.FigureEntries.Where(f => f.IsDemo && f.Status == FigureStatus.Verified).Select(f => new { f.EnteredById, f.CheckedById }).ToListAsync();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.NotEqual(f.EnteredById, f.CheckedById));
    }

    private Task<string> CreditCodeOfAsync(Guid id) => fixture.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.ProjectCompanyCreditCode!).SingleAsync());
}

public sealed class SqliteMilestoneApiTests(SqliteApp fixture) : MilestoneApiTests<SqliteApp>(fixture);

public sealed class PostgresMilestoneApiTests(PostgresApp fixture) : MilestoneApiTests<PostgresApp>(fixture);
