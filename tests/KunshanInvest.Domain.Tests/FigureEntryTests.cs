using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Figures;

namespace KunshanInvest.Domain.Tests;

public sealed class FigureEntryTests
{
    private static readonly DateTime Now = new(2026, 8, 15, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Maker = Guid.CreateVersion7();
    private static readonly Guid Checker = Guid.CreateVersion7();

    private static FigureEntry Funds(long value = 1_000_000_00, long? foreign = null, int period = 202608) =>
        new(Guid.CreateVersion7(), FigureKind.FundsInPlace, period, value, "CNY", value, foreign, null, Maker, Now);

    [Theory]
    [InlineData(202608)]
    [InlineData(200001)]
    [InlineData(202512)]
    public void A_month_under_way_or_past_is_accepted(int period) =>
        Assert.Equal(period, Funds(period: period).Period);

    [Theory]
    [InlineData(202609, "figure.period_future")]
    [InlineData(202701, "figure.period_future")]
    [InlineData(202613, "figure.period")]
    [InlineData(202600, "figure.period")]
    [InlineData(199912, "figure.period")]
    [InlineData(0, "figure.period")]
    public void A_future_or_malformed_month_is_refused(int period, string code)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Funds(period: period));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Quarters_and_years_are_ranges_of_months()
    {
        Assert.Equal(3, FigurePeriod.Quarter(202608));
        Assert.Equal((202607, 202609), FigurePeriod.QuarterRange(2026, 3));
        Assert.Equal((202601, 202612), FigurePeriod.YearRange(2026));
        Assert.Equal("2026-08", FigurePeriod.Format(202608));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FigureEntry.MaxValue + 1)]
    [InlineData(long.MaxValue)]
    public void Negative_or_overflowing_amounts_are_refused(long value)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Funds(value));

        Assert.Equal("figure.amount", ex.Code);
    }

    [Fact]
    public void Money_needs_a_currency_headcount_carries_none_and_the_foreign_part_belongs_to_funds_in_place()
    {
        Assert.Equal("figure.currency", Assert.Throws<DomainRuleException>(() => new FigureEntry(Guid.CreateVersion7(), FigureKind.TaxPaid, 202608, 1, null, 1, null, null, Maker, Now)).Code);
        Assert.Equal("figure.currency", Assert.Throws<DomainRuleException>(() => new FigureEntry(Guid.CreateVersion7(), FigureKind.Jobs, 202608, 1, "CNY", 1, null, null, Maker, Now)).Code);
        Assert.Equal("figure.foreign_part", Assert.Throws<DomainRuleException>(() => Funds(100, foreign: 101)).Code);
        Assert.Equal("figure.foreign_part", Assert.Throws<DomainRuleException>(() => new FigureEntry(Guid.CreateVersion7(), FigureKind.TaxPaid, 202608, 1, "CNY", 1, 1, null, Maker, Now)).Code);
        Assert.Equal(60, Funds(100, foreign: 60).ForeignPartFen);
    }

    [Fact]
    public void Only_a_verified_entry_counts_and_the_maker_cannot_verify_it()
    {
        var entry = Funds();
        Assert.False(entry.Counts);

        var own = Assert.Throws<DomainForbiddenException>(() => entry.Verify(Maker, Now));
        entry.Verify(Checker, Now);
        var second = Assert.Throws<DomainConflictException>(() => entry.Verify(Guid.CreateVersion7(), Now));

        Assert.Equal("figure.own_entry", own.Code);
        Assert.Equal("figure.not_pending", second.Code);
        Assert.True(entry.Counts);
        Assert.Equal(Checker, entry.CheckedById);
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_a_rejected_entry_counts_nowhere_nor_can_be_corrected()
    {
        var entry = Funds();

        Assert.Equal("figure.reject_reason", Assert.Throws<DomainRuleException>(() => entry.Reject(Checker, " ", Now)).Code);
        entry.Reject(Checker, "回单与金额不符", Now);

        Assert.False(entry.Counts);
        Assert.Equal("回单与金额不符", entry.RejectedReason);
        Assert.Throws<DomainConflictException>(entry.EnsureCorrectable);
        Assert.Throws<DomainConflictException>(() => entry.Verify(Guid.CreateVersion7(), Now));
    }

    [Fact]
    public void A_superseded_entry_cannot_be_superseded_again_nor_corrected()
    {
        var entry = Funds();
        entry.Verify(Checker, Now);
        entry.EnsureCorrectable();
        var correction = Guid.CreateVersion7();

        entry.SupersedeBy(correction);

        Assert.False(entry.Counts);
        Assert.Equal((FigureStatus.Superseded, correction), (entry.Status, entry.SupersededById!.Value));
        Assert.Equal("figure.already_superseded", Assert.Throws<DomainConflictException>(() => entry.SupersedeBy(Guid.CreateVersion7())).Code);
        Assert.Throws<DomainConflictException>(entry.EnsureCorrectable);
    }

    [Fact]
    public void Evidence_is_attached_while_pending_only()
    {
        var entry = Funds();
        entry.AttachEvidence(EvidenceType.BankReceipt, "回单.pdf", "abc.bin", "application/pdf", 10);
        entry.Verify(Checker, Now);

        Assert.Equal("回单.pdf", entry.EvidenceFileName);
        Assert.Throws<DomainConflictException>(() => entry.AttachEvidence(EvidenceType.Other, "x.pdf", "y.bin", "application/pdf", 1));
    }
}
