using FluentValidation;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Reviews;

namespace KunshanInvest.Application.Reviews;

/// <summary>What submitting a round and checking a sheet both carry: money in CNY fen, land in 亩, energy in tce a year.</summary>
public interface IReviewSheetFields
{
    CarrierUse Use { get; }
    double LandMu { get; }
    long TotalInvestmentFen { get; }
    long AnnualTaxFen { get; }
    double AnnualEnergyTce { get; }
    EnvironmentalCategory Environmental { get; }
    int Jobs { get; }
    DateOnly? MeetingOn { get; }
}

internal static class ReviewSheetRules
{
    public static readonly DateOnly EarliestMeeting = new(ProjectReviewOptions.EarliestYear, 1, 1);
    public static readonly DateOnly LatestMeeting = new(ProjectReviewOptions.LatestYear, 12, 31);

    public static ReviewSheet ToSheet(this IReviewSheetFields f) =>
        new(f.Use, f.LandMu, f.TotalInvestmentFen, f.AnnualTaxFen, f.AnnualEnergyTce, f.Environmental, f.Jobs, f.MeetingOn);

    /// <summary>The year whose thresholds apply: the meeting's, else today's.</summary>
    public static int ThresholdYear(this IReviewSheetFields f, DateOnly today) => f.MeetingOn?.Year ?? today.Year;

    public static void AddSheetRules<T>(this AbstractValidator<T> validator)
        where T : IReviewSheetFields
    {
        validator.RuleFor(x => x.Use).IsInEnum().WithMsg(M.ReviewUse);
        validator.RuleFor(x => x.Environmental).IsInEnum().WithMsg(M.ReviewEnvironmental);
        validator.RuleFor(x => x.LandMu).Must(v => v > 0 && v <= ReviewSheet.MaxLandMu).WithMsg(M.ReviewLandMu);
        validator.RuleFor(x => x.TotalInvestmentFen).InclusiveBetween(1, ReviewSheet.MaxFen).WithMsg(M.ReviewInvestment);
        validator.RuleFor(x => x.AnnualTaxFen).InclusiveBetween(0, ReviewSheet.MaxFen).WithMsg(M.ReviewTax);
        validator.RuleFor(x => x.AnnualEnergyTce).Must(v => v >= 0 && v <= ReviewSheet.MaxEnergyTce).WithMsg(M.ReviewEnergy);
        validator.RuleFor(x => x.Jobs).InclusiveBetween(0, ReviewSheet.MaxJobs).WithMsg(M.ReviewJobs);
        validator.RuleFor(x => x.MeetingOn!.Value).InclusiveBetween(EarliestMeeting, LatestMeeting)
            .WithMsg(M.ReviewMeetingOn, x => [("date", x.MeetingOn)]).When(x => x.MeetingOn is not null);
    }

    /// <summary>Free text: bounded, and no control character but line breaks and tabs (PostgreSQL refuses NUL).</summary>
    public static IRuleBuilderOptions<T, string?> ReviewText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(c => c is null || (c.Length <= max && !c.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))))
            .WithMsg(M.ReviewText.With(("max", max)));
}
