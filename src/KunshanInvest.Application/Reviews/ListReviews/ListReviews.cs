using FluentValidation;
using KunshanInvest.Application.Common;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Projects;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Reviews.ListReviews;

/// <summary>
/// 评审列表: review rounds across projects — pending first (oldest waiting first), then decided (newest first); rounds
/// replaced by a revision are left out. Filtered by outcome, land use and project code or name, one page at a time.
/// Three statements whatever the data: the two counts and the page.
/// </summary>
[AuthorizeRequest(Roles = Roles.Staff)]
public sealed record ListReviews(
    ReviewListView View = ReviewListView.All,
    ReviewOutcome? Outcome = null,
    CarrierUse? Use = null,
    string? Search = null,
    int Page = 1,
    int PageSize = 50) : IQuery<ReviewList>
{
    public const int MaxPageSize = 200;
    public const int MaxPage = 10_000;
    public const int SearchMaxLength = 100;
}

public sealed class ListReviewsValidator : AbstractValidator<ListReviews>
{
    public ListReviewsValidator()
    {
        RuleFor(x => x.Search).ReviewText(ListReviews.SearchMaxLength);
        RuleFor(x => x.View).IsInEnum().WithMsg(M.ReviewListView);
        RuleFor(x => x.Outcome!.Value).IsInEnum().WithMsg(M.ReviewOutcome).When(x => x.Outcome is not null);
        RuleFor(x => x.Use!.Value).IsInEnum().WithMsg(M.ReviewUse).When(x => x.Use is not null);
        RuleFor(x => x.Page).InclusiveBetween(1, ListReviews.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListReviews.MaxPageSize);
    }
}

public sealed class ListReviewsHandler(IAppDbContext db) : IQueryHandler<ListReviews, ReviewList>
{
    public async ValueTask<ReviewList> Handle(ListReviews query, CancellationToken cancellationToken)
    {
        var rows = from r in db.ProjectReviews.AsNoTracking()
                   join p in db.Projects on r.ProjectId equals p.Id
                   where r.Status != ReviewStatus.Superseded
                   select new { Review = r, p.Code, p.Name };
        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(x => x.Review.Outcome == outcome);
        }

        if (query.Use is { } use)
        {
            rows = rows.Where(x => x.Review.Use == use);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            rows = rows.Where(x => x.Code.Contains(search) || x.Name.Contains(search));
        }

        var pending = await rows.CountAsync(x => x.Review.Status == ReviewStatus.Pending, cancellationToken);
        var shown = query.View switch
        {
            ReviewListView.Pending => rows.Where(x => x.Review.Status == ReviewStatus.Pending),
            ReviewListView.Decided => rows.Where(x => x.Review.Status == ReviewStatus.Decided),
            _ => rows,
        };
        var total = await shown.CountAsync(cancellationToken);
        var page = await shown
            .OrderBy(x => x.Review.Status).ThenByDescending(x => x.Review.DecidedAtUtc).ThenBy(x => x.Review.SubmittedAtUtc).ThenBy(x => x.Review.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new
            {
                x.Review.Id, x.Review.ProjectId, x.Code, x.Name, x.Review.Round, x.Review.Status, x.Review.Outcome, x.Review.Use, x.Review.LandMu,
                x.Review.TotalInvestmentFen, x.Review.AnnualTaxFen, x.Review.MinInvestmentFenPerMu, x.Review.MinTaxFenPerMu, x.Review.MinTotalInvestmentFen,
                Opinions = x.Review.Opinions.Count, x.Review.MeetingOn, x.Review.SubmittedAtUtc, x.Review.DecidedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var items = page.Select(r =>
        {
            // The shortfalls of the page's rows only, from the sheet and the thresholds kept with each round.
            var sheet = new ReviewSheet(r.Use, r.LandMu, r.TotalInvestmentFen, r.AnnualTaxFen, 0, EnvironmentalCategory.RegistrationForm, 0, r.MeetingOn);
            var shortfalls = ReviewCheck.Shortfalls(sheet, new EntryThresholds(r.MinInvestmentFenPerMu, r.MinTaxFenPerMu, r.MinTotalInvestmentFen)).Count;
            return new ReviewListItem(r.Id, r.ProjectId, r.Code, r.Name, r.Round, r.Status, r.Outcome, r.Use, r.LandMu,
                ReviewCheck.Wan(sheet.InvestmentFenPerMu), ReviewCheck.Wan(sheet.TaxFenPerMu), shortfalls, r.Opinions, r.MeetingOn, r.SubmittedAtUtc, r.DecidedAtUtc);
        }).ToList();
        return new ReviewList(items, total, query.Page, query.PageSize, pending);
    }
}
