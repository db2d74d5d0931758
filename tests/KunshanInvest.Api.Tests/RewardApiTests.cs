using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Infrastructure.Persistence;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KunshanInvest.Api.Tests;

/// <summary>
/// 首报奖励 over HTTP: a partner sees only its own accruals and payouts; a manager proposes, approves and marks paid
/// within the unpaid balance (above it 422, an officer or admin approving 403, a race for one approval 409 for the
/// loser); the ledger exports as a workbook.
/// </summary>
public abstract class RewardApiTests<TApp>(TApp fixture) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>A signed project attributed to the partner with one verified 到位资金 entry of <paramref name="fen"/>, entered by `officer`, verified by `manager`.</summary>
    private async Task<Guid> VerifiedFundsAsync(Guid partnerId, long fen)
    {
        var officer = await fixture.UserIdAsync("officer");
        var manager = await fixture.UserIdAsync("manager");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sector = await db.Sectors.Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => s.Id).FirstAsync();
        var park = await db.Parks.OrderBy(p => p.Code).Select(p => p.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var code = $"KR-{Guid.NewGuid():N}"[..InvestmentProject.CodeMaxLength];
        var enterprise = new Enterprise($"奖励测试企业 {code}", null, "CN", Ownership.Domestic);
        var project = new InvestmentProject(code, $"奖励测试项目 {code}", SourceChannel.PartnerPortal, officer, now.AddDays(-40));
        project.Place(enterprise.Id, sector, park);
        project.Pledge(new Money(100_000_000_00, "CNY"), null, null, null, null, 10);
        project.MoveTo(ProjectStage.Signed, new StageActor(manager, true), "签约", now.AddDays(-35), StageFacts.None);
        var submission = new PartnerSubmission($"PS-T-{Guid.NewGuid():N}"[..14].ToUpperInvariant(), partnerId, officer,
            new SubmittedEnterprise(enterprise.NameZh, null, "CN", null), new SubmittedProject("简介", sector, null, null, null, "联系人", null, null), now.AddDays(-50));
        var attribution = new Attribution(partnerId, submission.Id, null, code, null, now.AddDays(-50));
        attribution.LinkProject(project.Id);
        var figure = new FigureEntry(project.Id, FigureKind.FundsInPlace, FigurePeriod.OfDate(now.AddMonths(-1)), fen, "CNY", fen, null, null, officer, now);
        figure.Verify(manager, now);
        db.AddRange(enterprise, project, submission, attribution, figure);
        await db.SaveChangesAsync();
        return figure.Id;
    }

    private static object Payout(Guid partnerId, long amountFen) => new { partnerId, amountFen, periodFrom = 202601, periodTo = FigurePeriod.OfDate(DateTime.UtcNow.AddMonths(-1)), note = "测试兑付" };

    [Fact]
    public async Task A_partner_sees_its_own_accruals_and_payouts_and_never_another_partners()
    {
        var a = await fixture.NewPartnerAsync(type: PartnerType.Intermediary);
        var b = await fixture.NewPartnerAsync(type: PartnerType.ChamberOfCommerce);
        var figureA = await VerifiedFundsAsync(a.PartnerId, 1_000_000_000); // CNY 10 m
        var figureB = await VerifiedFundsAsync(b.PartnerId, 2_000_000_000);
        var manager = await fixture.ClientAsync("manager");
        await (await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(b.PartnerId, 100_000))).JsonAsync();

        var mineA = await (await a.Client.GetAsync("/api/v1/portal/rewards")).JsonAsync();
        var mineB = await (await b.Client.GetAsync("/api/v1/portal/rewards")).JsonAsync();
        var all = await (await manager.GetAsync("/api/v1/rewards")).JsonAsync();

        var accrualA = Assert.Single(mineA.GetProperty("accruals").EnumerateArray());
        Assert.Equal(figureA, accrualA.GetProperty("figureEntryId").GetGuid());
        Assert.Equal(2_000_000, accrualA.GetProperty("rewardFen").GetInt64()); // 0.2 % (Intermediary)
        Assert.Equal(JsonValueKind.Null, accrualA.GetProperty("partnerName").ValueKind);
        Assert.Equal(JsonValueKind.Null, accrualA.GetProperty("projectCode").ValueKind);
        Assert.Empty(mineA.GetProperty("payouts").EnumerateArray());
        Assert.Equal(2_000_000, Assert.Single(mineA.GetProperty("balances").EnumerateArray()).GetProperty("accruedFen").GetInt64());
        Assert.Equal(figureB, Assert.Single(mineB.GetProperty("accruals").EnumerateArray()).GetProperty("figureEntryId").GetGuid());
        Assert.Equal(2_000_000, mineB.GetProperty("accruals")[0].GetProperty("rewardFen").GetInt64()); // 0.1 % (Chamber)
        Assert.Single(mineB.GetProperty("payouts").EnumerateArray());
        var partners = all.GetProperty("balances").EnumerateArray().Select(x => x.GetProperty("partnerId").GetGuid()).ToList();
        Assert.Contains(a.PartnerId, partners);
        Assert.Contains(b.PartnerId, partners);
    }

    [Fact]
    public async Task A_manager_approves_a_payout_within_the_balance_an_officer_or_admin_cannot_and_the_partner_sees_it_paid()
    {
        var partner = await fixture.NewPartnerAsync();
        await VerifiedFundsAsync(partner.PartnerId, 1_000_000_000); // reward CNY 20,000
        var manager = await fixture.ClientAsync("manager");
        var (_, officer) = await fixture.NewUserAsync(Roles.Officer);
        var admin = await fixture.ClientAsync("admin");

        var above = await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(partner.PartnerId, 2_000_001));
        var proposed = await (await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(partner.PartnerId, 1_500_000))).JsonAsync();
        var id = proposed.Id();
        var byOfficer = await officer.PostAsync($"/api/v1/rewards/payouts/{id}/approve", null);
        var byAdmin = await admin.PostAsync($"/api/v1/rewards/payouts/{id}/approve", null);
        var officerLedger = await officer.GetAsync("/api/v1/rewards");
        var partnerLedger = await partner.Client.GetAsync("/api/v1/rewards");
        var approved = await (await manager.PostAsync($"/api/v1/rewards/payouts/{id}/approve", null)).JsonAsync();
        var again = await manager.PostAsync($"/api/v1/rewards/payouts/{id}/approve", null);
        var noReference = await manager.PostAsJsonAsync($"/api/v1/rewards/payouts/{id}/paid", new { reference = " " });
        var paid = await (await manager.PostAsJsonAsync($"/api/v1/rewards/payouts/{id}/paid", new { reference = "BANK-2026-001" })).JsonAsync();
        var seen = await (await partner.Client.GetAsync("/api/v1/portal/rewards")).JsonAsync();

        var problem = await above.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("payout.over_balance", problem.GetProperty("code").GetString());
        Assert.Equal("Proposed", proposed.GetProperty("status").GetString());
        await byOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await byAdmin.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, officerLedger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerLedger.StatusCode);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await noReference.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var payout = Assert.Single(seen.GetProperty("payouts").EnumerateArray());
        Assert.Equal("Paid", payout.GetProperty("status").GetString());
        Assert.Equal("BANK-2026-001", payout.GetProperty("reference").GetString());
        var balance = Assert.Single(seen.GetProperty("balances").EnumerateArray());
        Assert.Equal(1_500_000, balance.GetProperty("paidFen").GetInt64());
        Assert.Equal(500_000, balance.GetProperty("unpaidFen").GetInt64());
        var audited = await fixture.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(RewardPayout) && e.EntityId == id.ToString()).CountAsync());
        Assert.Equal(3, audited); // proposed, approved, paid
    }

    [Fact]
    public async Task Of_concurrent_approvals_of_one_payout_one_wins_and_the_rest_are_409()
    {
        var partner = await fixture.NewPartnerAsync();
        await VerifiedFundsAsync(partner.PartnerId, 1_000_000_000);
        var manager = await fixture.ClientAsync("manager");
        var (_, manager2) = await fixture.NewUserAsync(Roles.Manager);
        var id = (await (await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(partner.PartnerId, 2_000_000))).JsonAsync()).Id();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? manager : manager2).PostAsync($"/api/v1/rewards/payouts/{id}/approve", null))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2_000_000, await fixture.QueryAsync(db => db.Partners.Where(p => p.Id == partner.PartnerId).Select(p => p.ApprovedPayoutsFen).SingleAsync()));
    }

    [Fact]
    public async Task Bad_payout_input_is_a_problem_that_saves_nothing()
    {
        var partner = await fixture.NewPartnerAsync();
        await VerifiedFundsAsync(partner.PartnerId, 1_000_000_000);
        var manager = await fixture.ClientAsync("manager");
        var before = await fixture.QueryAsync(db => db.RewardPayouts.CountAsync());

        var negative = await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(partner.PartnerId, -5));
        var overflow = await manager.PostAsJsonAsync("/api/v1/rewards/payouts", new { partnerId = partner.PartnerId, amountFen = long.MaxValue, periodFrom = 202601, periodTo = 202602 });
        var backwards = await manager.PostAsJsonAsync("/api/v1/rewards/payouts", new { partnerId = partner.PartnerId, amountFen = 100, periodFrom = 202606, periodTo = 202601 });
        var future = await manager.PostAsJsonAsync("/api/v1/rewards/payouts", new { partnerId = partner.PartnerId, amountFen = 100, periodFrom = 202601, periodTo = 209912 });
        var unknown = await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(Guid.NewGuid(), 100));
        var missingPayout = await manager.PostAsync($"/api/v1/rewards/payouts/{Guid.NewGuid()}/approve", null);

        await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await overflow.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await future.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await missingPayout.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await fixture.QueryAsync(db => db.RewardPayouts.CountAsync()));
    }

    [Fact]
    public async Task The_reward_ledger_is_a_fixed_number_of_statements_however_many_partners_and_accruals()
    {
        var manager = await fixture.ClientAsync("manager");
        await (await manager.GetAsync("/api/v1/rewards")).JsonAsync(); // warm-up
        var before = await fixture.App.Sql.Measure(async () => await (await manager.GetAsync("/api/v1/rewards")).JsonAsync());
        for (var i = 0; i < 3; i++)
        {
            var partner = await fixture.NewPartnerAsync();
            await VerifiedFundsAsync(partner.PartnerId, 100_000_000 * (i + 1));
            await VerifiedFundsAsync(partner.PartnerId, 50_000_000);
        }

        var after = await fixture.App.Sql.Measure(async () => await (await manager.GetAsync("/api/v1/rewards")).JsonAsync());

        Assert.Equal(before.Count, after.Count);
        Assert.Equal(5, after.Count); // accrued by partner, payouts by partner and status, partner names, accruals, payouts
    }

    [Fact]
    public async Task The_demo_partner_sees_the_seeded_verified_figures_accrue_and_a_paid_payout()
    {
        var demo = await fixture.ClientAsync("partner");

        var mine = await (await demo.GetAsync("/api/v1/portal/rewards")).JsonAsync();

        var accruals = mine.GetProperty("accruals").EnumerateArray().ToList();
        Assert.Equal(3, accruals.Count);
        Assert.Equal(["ForeignCapitalUsed", "FundsInPlace", "FundsInPlace"], accruals.Select(a => a.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(accruals, a => a.GetProperty("rewardFen").GetInt64() == 6_000_000); // 0.2 % of CNY 30 m
        var payout = Assert.Single(mine.GetProperty("payouts").EnumerateArray());
        Assert.Equal("Paid", payout.GetProperty("status").GetString());
        var balance = Assert.Single(mine.GetProperty("balances").EnumerateArray());
        Assert.Equal(6_000_000, balance.GetProperty("paidFen").GetInt64());
        Assert.Equal(balance.GetProperty("accruedFen").GetInt64() - 6_000_000, balance.GetProperty("unpaidFen").GetInt64());
        var checkers = await fixture.QueryAsync(db => db.FigureEntries.Where(f => f.IsDemo && f.Status == FigureStatus.Verified).Select(f => new { f.EnteredById, f.CheckedById }).ToListAsync());
        Assert.All(checkers, c => Assert.NotEqual(c.EnteredById, c.CheckedById));
    }

    [Fact]
    public async Task The_ledger_and_payouts_export_to_a_workbook_with_a_sheet_each()
    {
        var partner = await fixture.NewPartnerAsync();
        var figure = await VerifiedFundsAsync(partner.PartnerId, 1_000_000_000);
        var manager = await fixture.ClientAsync("manager");
        await (await manager.PostAsJsonAsync("/api/v1/rewards/payouts", Payout(partner.PartnerId, 300_000))).JsonAsync();

        var response = await manager.GetAsync($"/api/v1/rewards/export.xlsx?partnerId={partner.PartnerId}");
        var partnerTry = await partner.Client.GetAsync("/api/v1/rewards/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["余额 Balances", "奖励台账 Accruals", "兑付 Payouts"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var accruals = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "奖励台账 Accruals").Cast<IDictionary<string, object?>>().ToList();
        var payouts = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "兑付 Payouts").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(20_000m, Convert.ToDecimal(Assert.Single(accruals)["奖励(元) Reward"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3_000m, Convert.ToDecimal(Assert.Single(payouts)["金额(元) Amount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Forbidden, partnerTry.StatusCode);
        Assert.NotEqual(Guid.Empty, figure);
    }
}

public sealed class SqliteRewardApiTests(SqliteApp fixture) : RewardApiTests<SqliteApp>(fixture);

public sealed class PostgresRewardApiTests(PostgresApp fixture) : RewardApiTests<PostgresApp>(fixture);
