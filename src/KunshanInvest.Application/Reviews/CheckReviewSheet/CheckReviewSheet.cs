using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.Extensions.Options;

namespace KunshanInvest.Application.Reviews.CheckReviewSheet;

/// <summary>The threshold check of a sheet being filled in, before it is submitted (the review panel shows it live). No statement.</summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record CheckReviewSheet(
    CarrierUse Use, double LandMu, long TotalInvestmentFen, long AnnualTaxFen, double AnnualEnergyTce,
    EnvironmentalCategory Environmental, int Jobs, DateOnly? MeetingOn) : IQuery<SheetCheck>, IReviewSheetFields;

public sealed class CheckReviewSheetValidator : AbstractValidator<CheckReviewSheet>
{
    public CheckReviewSheetValidator() => this.AddSheetRules();
}

public sealed class CheckReviewSheetHandler(TimeProvider clock, IOptions<ProjectReviewOptions> options) : IQueryHandler<CheckReviewSheet, SheetCheck>
{
    public ValueTask<SheetCheck> Handle(CheckReviewSheet query, CancellationToken cancellationToken)
    {
        var year = query.ThresholdYear(clock.BureauToday());
        var thresholds = options.Value.For(query.Use, year);
        var sheet = query.ToSheet();
        return ValueTask.FromResult(new SheetCheck(
            year, thresholds.MinInvestmentFenPerMu, thresholds.MinTaxFenPerMu, thresholds.MinTotalInvestmentFen,
            ReviewCheck.Wan(sheet.InvestmentFenPerMu), ReviewCheck.Wan(sheet.TaxFenPerMu), ReviewReads.Shortfalls(ReviewCheck.Shortfalls(sheet, thresholds))));
    }
}
