using KunshanInvest.Application.Portal;
using KunshanInvest.Application.Portal.Ledger;
using KunshanInvest.Application.Portal.Rewards;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Parks;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;
using KunshanInvest.Domain.Sectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roles = KunshanInvest.Application.Common.Security.Roles;

namespace KunshanInvest.Application.Tests;

/// <summary>首报奖励 on a real SQLite database: accruals from verified figures only, the freeze at 签约, payouts against the balance.</summary>
public sealed class RewardTests
{
    private static readonly PortalOptions Options = new()
    {
        AttributionLapseDays = 30,
        RewardRates = new(StringComparer.OrdinalIgnoreCase) { ["Intermediary"] = 0.002m, ["ChamberOfCommerce"] = 0.001m },
    };

    private sealed record World(TestDatabase Database, Guid Officer, Guid Manager, Guid Manager2, Guid Sector, Guid Park);

    private static DateTime Now(TestDatabase database) => database.Clock.GetUtcNow().UtcDateTime;

    private static async Task<World> ArrangeAsync(TestDatabase database)
    {
        var officer = await database.AddUserAsync("officer");
        var manager = await database.AddUserAsync("manager");
        var manager2 = await database.AddUserAsync("manager2");
        var sector = new Sector("coffee", "咖啡", "Coffee");
        var park = new Park("kdz", "昆山开发区", "Kunshan Development Zone", null);
        await using var db = database.NewContext();
        db.AddRange(sector, park, new ExchangeRate(2026, "USD", 7_100_000));
        await db.SaveChangesAsync();
        return new World(database, officer, manager, manager2, sector.Id, park.Id);
    }

    /// <summary>A partner holding attribution over a project that stands at <paramref name="stage"/> (moved there now, or <paramref name="daysAgo"/> ago).</summary>
    private static async Task<(Guid Partner, Guid Attribution, Guid Project)> AttributedAsync(World world, PartnerType type, ProjectStage stage, int daysAgo = 0)
    {
        var database = world.Database;
        var at = Now(database).AddDays(-daysAgo);
        var partner = new Partner($"机构{Guid.NewGuid():N}"[..10], null, type, "CN", at.AddDays(-10));
        partner.Approve(at.AddDays(-10));
        var enterprise = new Enterprise($"企业{Guid.NewGuid():N}"[..10], null, "CN", Ownership.Domestic);
        var project = new InvestmentProject($"KS-2026-{Random.Shared.Next(10000, 99999)}", "项目", SourceChannel.PartnerPortal, world.Officer, at.AddDays(-5));
        project.Place(enterprise.Id, world.Sector, world.Park);
        project.Pledge(new Money(50_000_000_00, "CNY"), null, null, null, null, 20);
        if (stage != ProjectStage.Lead)
        {
            project.MoveTo(stage, new StageActor(world.Manager, true), "测试", at, StageFacts.None);
        }

        project.Backdate(at);
        var submission = new PartnerSubmission($"PS-2026-{Guid.NewGuid():N}"[..14].ToUpperInvariant(), partner.Id, world.Officer,
            new SubmittedEnterprise(enterprise.NameZh, null, "CN", null), new SubmittedProject("简介", world.Sector, null, null, null, "联系人", null, null), at.AddDays(-10));
        var attribution = new Attribution(partner.Id, submission.Id, null, enterprise.NameZh, null, at.AddDays(-10));
        attribution.LinkProject(project.Id);
        await using var db = database.NewContext();
        db.AddRange(partner, enterprise, project, submission, attribution);
        await db.SaveChangesAsync();
        return (partner.Id, attribution.Id, project.Id);
    }

    private static async Task<FigureEntry> FigureAsync(World world, Guid project, FigureKind kind, int period, long value, bool verify = true, Guid? supersedes = null)
    {
        var now = Now(world.Database);
        var entry = new FigureEntry(project, kind, period, value, kind == FigureKind.ForeignCapitalUsed ? "USD" : "CNY", value, null, null, world.Officer, now, supersedes);
        await using var db = world.Database.NewContext();
        db.FigureEntries.Add(entry);
        if (verify)
        {
            entry.Verify(world.Manager, now);
            if (supersedes is { } old)
            {
                (await db.FigureEntries.SingleAsync(f => f.Id == old)).SupersedeBy(entry.Id);
            }
        }

        await db.SaveChangesAsync();
        return entry;
    }

    private static async Task<RewardLedgerView> LedgerAsync(World world, Guid? partner = null)
    {
        world.Database.User = TestUser.As("manager", Roles.Manager);
        await using var db = world.Database.NewContext();
        return await new GetRewardLedgerHandler(db, Microsoft.Extensions.Options.Options.Create(Options), world.Database.Clock).Handle(new GetRewardLedger(partner), CancellationToken.None);
    }

    private static async Task<RewardPayoutDto> ProposeAsync(World world, Guid partner, long amount)
    {
        world.Database.User = new TestUser { Id = world.Manager, UserName = "manager" };
        world.Database.User.Roles.Add(Roles.Manager);
        await using var db = world.Database.NewContext();
        return await new ProposeRewardPayoutHandler(db, world.Database.User, Microsoft.Extensions.Options.Options.Create(Options), world.Database.Clock)
            .Handle(new ProposeRewardPayout(partner, amount, 202601, 202606, "上半年"), CancellationToken.None);
    }

    private static async Task<RewardPayoutDto> ApproveAsync(World world, Guid payout)
    {
        world.Database.User = new TestUser { Id = world.Manager2, UserName = "manager2" };
        world.Database.User.Roles.Add(Roles.Manager);
        await using var db = world.Database.NewContext();
        return await new ApproveRewardPayoutHandler(db, world.Database.User, Microsoft.Extensions.Options.Options.Create(Options), world.Database.Clock)
            .Handle(new ApproveRewardPayout(payout), CancellationToken.None);
    }

    [Fact]
    public async Task Verified_funds_in_place_and_foreign_capital_accrue_at_the_types_rate_and_nothing_else_does()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var (partner, _, project) = await AttributedAsync(world, PartnerType.Intermediary, ProjectStage.Signed);
        await FigureAsync(world, project, FigureKind.FundsInPlace, 202603, 1_000_000_000); // CNY 10 m
        await FigureAsync(world, project, FigureKind.ForeignCapitalUsed, 202604, 100_000_000); // USD 1 m at 7.1
        await FigureAsync(world, project, FigureKind.FundsInPlace, 202605, 5_000_000_000, verify: false); // pending: counts nowhere
        await FigureAsync(world, project, FigureKind.TaxPaid, 202605, 9_000_000_000); // not a reward base

        var view = await LedgerAsync(world);

        var balance = Assert.Single(view.Balances);
        Assert.Equal(partner, balance.PartnerId);
        Assert.Equal(2_000_000 + 1_420_000, balance.AccruedFen); // 0.2 % of CNY 10 m + 0.2 % of CNY 7.1 m
        Assert.Equal(balance.AccruedFen, balance.UnpaidFen);
        Assert.Equal(2_000, balance.RatePpm);
        Assert.Equal([FigureKind.ForeignCapitalUsed, FigureKind.FundsInPlace], view.Accruals.Select(a => a.Kind));
        Assert.Equal(710_000_000, view.Accruals[0].BaseFen);
    }

    [Fact]
    public async Task A_superseded_entry_stops_accruing_and_its_correction_accrues_instead()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var (_, _, project) = await AttributedAsync(world, PartnerType.ChamberOfCommerce, ProjectStage.Signed);
        var wrong = await FigureAsync(world, project, FigureKind.FundsInPlace, 202603, 1_000_000_000);
        var before = await LedgerAsync(world);
        var correction = await FigureAsync(world, project, FigureKind.FundsInPlace, 202603, 300_000_000, supersedes: wrong.Id);

        var after = await LedgerAsync(world);

        Assert.Equal(1_000_000, Assert.Single(before.Balances).AccruedFen);
        Assert.Equal(300_000, Assert.Single(after.Balances).AccruedFen);
        Assert.Equal(correction.Id, Assert.Single(after.Accruals).FigureEntryId);
    }

    [Fact]
    public async Task A_signed_project_keeps_its_attribution_for_ever_while_an_unsigned_one_lapses_and_earns_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var (signedPartner, signedAttribution, signed) = await AttributedAsync(world, PartnerType.Intermediary, ProjectStage.Signed, daysAgo: 200);
        var (idlePartner, idleAttribution, idle) = await AttributedAsync(world, PartnerType.Intermediary, ProjectStage.Negotiating, daysAgo: 200);
        await FigureAsync(world, signed, FigureKind.FundsInPlace, 202603, 1_000_000_000);
        await FigureAsync(world, idle, FigureKind.FundsInPlace, 202603, 1_000_000_000);

        var before = await LedgerAsync(world);
        int lapsed;
        await using (var db = database.NewContext())
        {
            lapsed = await new RecordAttributionLapsesHandler(db, Microsoft.Extensions.Options.Options.Create(Options), database.Clock).Handle(new RecordAttributionLapses(), CancellationToken.None);
        }

        var after = await LedgerAsync(world);
        await using var check = database.NewContext();
        var stamps = await check.Attributions.Where(a => a.Id == signedAttribution || a.Id == idleAttribution).ToDictionaryAsync(a => a.Id);
        var signedAt = await check.StageChanges.Where(c => c.ProjectId == signed && c.To == ProjectStage.Signed).Select(c => c.AtUtc).SingleAsync();
        world.Database.User = TestUser.As("manager", Roles.Manager);
        var ledger = await new GetLedgerHandler(check, Microsoft.Extensions.Options.Options.Create(Options), database.Clock).Handle(new GetLedger(), CancellationToken.None);

        Assert.Equal(1, lapsed);
        Assert.Equal(signedAt, stamps[signedAttribution].FrozenAtUtc);
        Assert.Null(stamps[signedAttribution].LapsedAtUtc);
        Assert.NotNull(stamps[idleAttribution].LapsedAtUtc);
        Assert.Null(stamps[idleAttribution].FrozenAtUtc);
        foreach (var view in new[] { before, after })
        {
            Assert.Equal(2_000_000, view.Balances.Single(b => b.PartnerId == signedPartner).AccruedFen);
            Assert.DoesNotContain(view.Balances, b => b.PartnerId == idlePartner);
        }

        Assert.Equal(AttributionState.Active, ledger.Single(e => e.Id == signedAttribution).State);
        Assert.Equal(2_000_000, ledger.Single(e => e.Id == signedAttribution).RewardFen);
        Assert.Equal(1_000_000_000, ledger.Single(e => e.Id == signedAttribution).FundsInPlaceFen);
        Assert.Equal(AttributionState.Lapsed, ledger.Single(e => e.Id == idleAttribution).State);
        Assert.Equal(0, ledger.Single(e => e.Id == idleAttribution).RewardFen);
    }

    [Fact]
    public async Task A_void_attribution_earns_nothing_and_a_year_without_a_usd_rate_is_named_not_dropped()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var (voidPartner, voidAttribution, voided) = await AttributedAsync(world, PartnerType.Intermediary, ProjectStage.Signed);
        var (partner, _, project) = await AttributedAsync(world, PartnerType.Intermediary, ProjectStage.Signed);
        await using (var db = database.NewContext())
        {
            (await db.Attributions.SingleAsync(a => a.Id == voidAttribution)).Void(Now(database));
            await db.SaveChangesAsync();
        }

        await FigureAsync(world, voided, FigureKind.FundsInPlace, 202603, 1_000_000_000);
        await FigureAsync(world, project, FigureKind.ForeignCapitalUsed, 202512, 100_000_000); // no 2025 rate

        var view = await LedgerAsync(world);

        Assert.DoesNotContain(view.Balances, b => b.PartnerId == voidPartner);
        var balance = Assert.Single(view.Balances);
        Assert.Equal(partner, balance.PartnerId);
        Assert.Equal(0, balance.AccruedFen);
        Assert.Equal(1, balance.MissingRates);
        var accrual = Assert.Single(view.Accruals);
        Assert.Null(accrual.BaseFen);
        Assert.Null(accrual.RewardFen);
    }

    [Fact]
    public async Task Payouts_stay_within_the_unpaid_balance_and_approval_adds_to_the_partners_total()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await ArrangeAsync(database);
        var (partner, _, project) = await AttributedAsync(world, PartnerType.Intermediary, ProjectStage.Signed);
        await FigureAsync(world, project, FigureKind.FundsInPlace, 202603, 1_000_000_000); // CNY 20,000 reward

        var tooMuch = await Assert.ThrowsAsync<DomainRuleException>(() => ProposeAsync(world, partner, 2_000_001));
        var first = await ProposeAsync(world, partner, 1_500_000);
        var overOpen = await Assert.ThrowsAsync<DomainRuleException>(() => ProposeAsync(world, partner, 600_000)); // 15,000 already proposed
        var second = await ProposeAsync(world, partner, 500_000);
        var approved = await ApproveAsync(world, first.Id);
        var twice = await Assert.ThrowsAsync<DomainConflictException>(() => ApproveAsync(world, first.Id));
        await ApproveAsync(world, second.Id);
        var view = await LedgerAsync(world, partner);

        Assert.Equal("payout.over_balance", tooMuch.Code);
        Assert.Equal("payout.over_balance", overOpen.Code);
        Assert.Equal("payout.not_proposed", twice.Code);
        Assert.Equal(PayoutStatus.Approved, approved.Status);
        var balance = Assert.Single(view.Balances);
        Assert.Equal(2_000_000, balance.ApprovedFen);
        Assert.Equal(0, balance.UnpaidFen);
        await using var check = database.NewContext();
        Assert.Equal(2_000_000, await check.Partners.Where(p => p.Id == partner).Select(p => p.ApprovedPayoutsFen).SingleAsync());
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(RewardPayout) && a.Action == Domain.Auditing.AuditAction.Updated));
    }
}
