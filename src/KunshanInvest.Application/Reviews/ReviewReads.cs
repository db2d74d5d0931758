using System.Globalization;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Users;
using KunshanInvest.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews;

internal static class ReviewReads
{
    public static IReadOnlyList<ShortfallDto> Shortfalls(IEnumerable<ReviewShortfall> shortfalls) =>
        [.. shortfalls.Select(s => new ShortfallDto(s.Code, s.Args, Messages.Render(s.Code, s.Args, CultureInfo.CurrentUICulture) ?? s.Code))];

    /// <summary>The rounds with their opinions (one statement) and the people's names (one more).</summary>
    public static async Task<IReadOnlyList<ReviewDto>> RoundsAsync(IAppDbContext db, IUserDirectory users, IQueryable<ProjectReview> reviews, CancellationToken cancellationToken)
    {
        var rounds = await reviews.AsNoTracking().Include(r => r.Opinions).OrderByDescending(r => r.Round).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [];
        }

        var ids = rounds.SelectMany(r => r.Opinions.Select(o => o.ReviewerId).Append(r.SubmittedById).Concat(r.DecidedById is { } d ? [d] : [])).Distinct();
        var names = await users.DisplayNamesAsync(ids, cancellationToken);
        return [.. rounds.Select(r => ToDto(r, names))];
    }

    public static ReviewDto ToDto(ProjectReview r, IReadOnlyDictionary<Guid, string> names)
    {
        var sheet = r.Sheet;
        return new ReviewDto(
            r.Id, r.ProjectId, r.Round, r.Status, r.Use, r.LandMu, r.TotalInvestmentFen, r.AnnualTaxFen, r.AnnualEnergyTce, r.Environmental, r.Jobs, r.MeetingOn,
            ReviewCheck.Wan(sheet.InvestmentFenPerMu), ReviewCheck.Wan(sheet.TaxFenPerMu), r.ThresholdYear, r.MinInvestmentFenPerMu, r.MinTaxFenPerMu, r.MinTotalInvestmentFen,
            Shortfalls(r.Shortfalls), r.SubmittedById, names.GetValueOrDefault(r.SubmittedById), r.SubmittedAtUtc,
            r.Outcome, r.DecisionText, r.DecidedById, r.DecidedById is { } by ? names.GetValueOrDefault(by) : null, r.DecidedAtUtc,
            [.. r.Opinions.OrderBy(o => o.RecordedAtUtc).Select(o => new ReviewOpinionDto(o.Id, o.ReviewerId, names.GetValueOrDefault(o.ReviewerId), o.Kind, o.Comment, o.Veto, o.Scores, o.RecordedAtUtc))],
            r.Version);
    }
}
