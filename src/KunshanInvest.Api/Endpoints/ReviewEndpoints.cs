using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Reviews;
using KunshanInvest.Application.Reviews.CheckReviewSheet;
using KunshanInvest.Application.Reviews.DecideReview;
using KunshanInvest.Application.Reviews.ListProjectReviews;
using KunshanInvest.Application.Reviews.ListReviewers;
using KunshanInvest.Application.Reviews.ListReviews;
using KunshanInvest.Application.Reviews.NameReviewer;
using KunshanInvest.Application.Reviews.RecordReviewOpinion;
using KunshanInvest.Application.Reviews.RemoveReviewer;
using KunshanInvest.Application.Reviews.SubmitReview;
using KunshanInvest.Domain.Carriers;
using KunshanInvest.Domain.Reviews;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KunshanInvest.Api.Endpoints;

/// <summary>项目评审 (ADR 0032): a project's review rounds, opinions, decisions, the review list and the named reviewers.</summary>
internal static class ReviewEndpoints
{
    /// <summary>A review sheet: money in CNY fen, land in 亩, energy in tce a year; the meeting date picks the thresholds' year.</summary>
    public sealed record SheetBody(
        CarrierUse Use, double LandMu, long TotalInvestmentFen, long AnnualTaxFen, double AnnualEnergyTce,
        EnvironmentalCategory Environmental, int Jobs, DateOnly? MeetingOn);

    public sealed record OpinionBody(ReviewOpinionKind Kind, string? Comment, ReviewVeto? Veto, ReviewScores? Scores);

    /// <summary>The outcome, with the conditions (有条件通过) or the reasons (不通过) in <c>text</c>.</summary>
    public sealed record DecisionBody(ReviewOutcome Outcome, string? Text);

    public sealed record ReviewerBody(Guid UserId, string? Note);

    /// <summary>Query string of the list: <c>?view=Pending&amp;outcome=Failed&amp;use=Industrial&amp;search=…&amp;page=1&amp;pageSize=50</c>.</summary>
    public sealed record ListQuery(ReviewListView? View, ReviewOutcome? Outcome, CarrierUse? Use, string? Search, int? Page, int? PageSize);

    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Reviews")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Officer));
        staff.MapGet("/projects/{id:guid}/reviews", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProjectReviews(id), ct)))
            .WithSummary("A project's review rounds, newest first, with opinions and decisions, and whether it needs a passed review to sign.");
        staff.MapPost("/projects/{id:guid}/reviews", SubmitAsync)
            .WithSummary("Put a project in 洽谈 to review with its sheet, or submit a revised sheet as a new round (the owner or a manager).");
        staff.MapGet("/reviews/", async ([AsParameters] ListQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReviews(q.View ?? ReviewListView.All, q.Outcome, q.Use, q.Search, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("Review rounds across projects: pending first, then decided; by outcome, land use, project code or name; one page at a time.");
        staff.MapPost("/reviews/check", async (SheetBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckReviewSheet(body.Use, body.LandMu, body.TotalInvestmentFen, body.AnnualTaxFen, body.AnnualEnergyTce, body.Environmental, body.Jobs, body.MeetingOn), ct)))
            .WithSummary("Check a sheet against the entry thresholds of its land use and year without submitting it: each shortfall named.");
        staff.MapPost("/reviews/{id:guid}/opinions", async (Guid id, OpinionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordReviewOpinion(id, body.Kind, body.Comment, body.Veto, body.Scores), ct)))
            .WithSummary("Record (or replace) the caller's opinion on a pending round (reviewers: managers and named users).");

        var managers = app.MapGroup("/api/v1/reviews").WithTags("Reviews")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager));
        managers.MapPost("/{id:guid}/decision", async (Guid id, DecisionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecideReview(id, body.Outcome, body.Text), ct)))
            .WithSummary("Decide a pending round: Passed, PassedWithConditions (text: the conditions) or Failed (text: the reasons); managers.");

        var admin = app.MapGroup("/api/v1/admin/reviewers").WithTags("Admin")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReviewers(), ct)))
            .WithSummary("The users named reviewers (managers review by their role).");
        admin.MapPost("/", async (ReviewerBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/admin/reviewers", await sender.Send(new NameReviewer(body.UserId, body.Note), ct)))
            .WithSummary("Name a member of staff a reviewer.");
        admin.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveReviewer(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Withdraw a named reviewer; their opinions stay with their rounds.");
    }

    private static async Task<Created<ReviewDto>> SubmitAsync(Guid id, SheetBody body, ISender sender, CancellationToken ct)
    {
        var review = await sender.Send(new SubmitReview(id, body.Use, body.LandMu, body.TotalInvestmentFen, body.AnnualTaxFen, body.AnnualEnergyTce, body.Environmental, body.Jobs, body.MeetingOn), ct);
        return TypedResults.Created($"/api/v1/projects/{id}/reviews", review);
    }
}
