using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;
using KunshanInvest.Domain.Partners;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Rates;

namespace KunshanInvest.Domain.Tests;

/// <summary>首报 frozen at 签约, the reward's integer arithmetic, payouts' steps and the type confirmed at approval.</summary>
public sealed class RewardRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_frozen_attribution_never_lapses_however_long_the_project_stands_still()
    {
        var reported = Now.AddDays(-400);
        var signed = Now.AddDays(-300);

        Assert.Equal(AttributionState.Active, AttributionRules.StateAt(reported, signed, null, null, signed, 30, Now));
        Assert.Equal(AttributionState.Lapsed, AttributionRules.StateAt(reported, signed, null, null, null, 30, Now));
    }

    [Fact]
    public void A_lapse_recorded_before_the_signing_stays_and_void_wins_over_the_freeze()
    {
        Assert.Equal(AttributionState.Lapsed, AttributionRules.StateAt(Now.AddDays(-90), Now.AddDays(-1), Now.AddDays(-40), null, Now.AddDays(-1), 30, Now));
        Assert.Equal(AttributionState.Void, AttributionRules.StateAt(Now.AddDays(-90), Now.AddDays(-1), null, Now.AddDays(-2), Now.AddDays(-1), 30, Now));
    }

    [Fact]
    public void Freezing_keeps_the_first_time_and_leaves_a_lapsed_or_void_attribution_alone()
    {
        var held = new Attribution(Guid.NewGuid(), Guid.NewGuid(), null, "key", null, Now.AddDays(-10));
        held.Freeze(Now.AddDays(-5));
        held.Freeze(Now);
        var voided = new Attribution(Guid.NewGuid(), Guid.NewGuid(), null, "key", null, Now.AddDays(-10));
        voided.Void(Now.AddDays(-6));
        voided.Freeze(Now);

        Assert.Equal(Now.AddDays(-5), held.FrozenAtUtc);
        Assert.Null(voided.FrozenAtUtc);
    }

    [Theory]
    [InlineData(ProjectStage.Negotiating, false)]
    [InlineData(ProjectStage.Signed, true)]
    [InlineData(ProjectStage.AtCapacity, true)]
    [InlineData(ProjectStage.OnHold, false)]
    public void Signing_and_every_later_pipeline_stage_freeze(ProjectStage stage, bool freezes) =>
        Assert.Equal(freezes, AttributionRules.Freezes(stage));

    [Theory]
    [InlineData(1_000_000_000L, "0.002", 2_000_000L)]
    [InlineData(333L, "0.0015", 0L)]
    [InlineData(1_000L, "0.0015", 2L)]
    [InlineData(0L, "0.002", 0L)]
    [InlineData(1_000_000_000L, "0", 0L)]
    [InlineData(FigureEntry.MaxValue, "0.1", FigureEntry.MaxValue / 10)]
    public void The_reward_is_the_base_times_the_rate_rounded_half_up_without_overflow(long baseFen, string rate, long expected)
    {
        var ppm = RewardRules.RatePpm(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, RewardRules.Reward(baseFen, ppm));
    }

    [Fact]
    public void The_split_arithmetic_equals_decimal_rounding_and_the_exchange_rate_conversion()
    {
        var random = new Random(16);
        for (var i = 0; i < 2_000; i++)
        {
            var baseFen = random.NextInt64(0, FigureEntry.MaxValue);
            var ppm = random.NextInt64(1, RewardRules.MaxRatePpm);
            var expected = (long)decimal.Round((decimal)baseFen * ppm / RewardRules.PpmScale, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, RewardRules.Reward(baseFen, ppm));

            var cents = random.NextInt64(0, FigureEntry.MaxValue);
            var micros = random.NextInt64(1_000_000, 8_000_000);
            Assert.Equal(ExchangeRate.Convert(cents, micros), RewardRules.UsdCentsToFen(cents, micros));
        }
    }

    [Fact]
    public void A_payout_is_proposed_approved_once_then_paid_with_a_reference()
    {
        var manager = Guid.NewGuid();
        var payout = new RewardPayout(Guid.NewGuid(), 120_000, 202601, 202606, " 上半年 ", Guid.NewGuid(), Now);

        Assert.Throws<DomainConflictException>(() => payout.MarkPaid("BANK-1", manager, Now));
        payout.Approve(manager, Now);
        Assert.Throws<DomainConflictException>(() => payout.Approve(manager, Now));
        Assert.Throws<DomainRuleException>(() => payout.MarkPaid(" ", manager, Now));
        payout.MarkPaid(" BANK-1 ", manager, Now);

        Assert.Equal(PayoutStatus.Paid, payout.Status);
        Assert.Equal("BANK-1", payout.Reference);
        Assert.Equal("上半年", payout.Note);
        Assert.Equal(manager, payout.ApprovedById);
        Assert.Throws<DomainConflictException>(() => payout.MarkPaid("BANK-2", manager, Now));
    }

    [Theory]
    [InlineData(0L, 202601, 202606)]
    [InlineData(-5L, 202601, 202606)]
    [InlineData(RewardPayout.MaxAmountFen + 1, 202601, 202606)]
    [InlineData(100L, 202606, 202601)]
    [InlineData(100L, 202601, 202607)]
    [InlineData(100L, 202613, 202613)]
    public void A_payout_with_a_bad_amount_or_period_is_refused(long amount, int from, int to) =>
        Assert.Throws<DomainRuleException>(() => new RewardPayout(Guid.NewGuid(), amount, from, to, null, Guid.NewGuid(), Now));

    [Fact]
    public void The_administrator_confirms_the_type_at_approval_whatever_the_registrant_chose()
    {
        var partner = new Partner("某商会", null, PartnerType.ReferringEnterprise, "CN", Now.AddDays(-3));

        partner.Approve(PartnerType.ChamberOfCommerce, Now);

        Assert.Equal(PartnerType.ChamberOfCommerce, partner.Type);
        Assert.Equal(Now, partner.TypeConfirmedAtUtc);
        Assert.Throws<DomainRuleException>(() => new Partner("x", null, PartnerType.Intermediary, "CN", Now).Approve((PartnerType)42, Now));
    }

    [Fact]
    public void Approved_payouts_add_up_on_the_partner()
    {
        var partner = new Partner("某中介", null, PartnerType.Intermediary, "CN", Now);
        partner.RecordPayoutApproved(100);
        partner.RecordPayoutApproved(250);

        Assert.Equal(350, partner.ApprovedPayoutsFen);
    }
}
